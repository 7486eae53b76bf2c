/**
 * One reminder before an event starts, as Google Calendar API v3 writes it (`reminders.overrides[]`): the app shows
 * `popup` reminders itself; the API has no other method for them.
 */
export interface ReminderOverride {
  readonly method: 'popup';
  /** Minutes before the start: 0 (at the start) to 40,320 (four weeks). */
  readonly minutes: number;
}

/** Google Calendar's and the API's limits on an event's own reminders. */
export const MAX_REMINDER_OVERRIDES = 5;
export const MAX_REMINDER_MINUTES = 40_320;

/** A popup reminder `minutes` before the start. */
export function popupReminder(minutes: number): ReminderOverride {
  return { method: 'popup', minutes };
}

/**
 * The popup reminders of a JSON `overrides` (or `defaultReminders`) list, earliest-firing last, each once. Entries of
 * another method or with minutes that are not a whole number in range are left out: they are not ours to show.
 */
export function parseReminderOverrides(value: unknown): ReminderOverride[] {
  if (!Array.isArray(value)) return [];
  const minutes = new Set<number>();
  for (const entry of value as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const fields = entry as Record<string, unknown>;
    const m = fields['minutes'];
    if (fields['method'] !== 'popup' || typeof m !== 'number' || !isReminderMinutes(m)) continue;
    minutes.add(m);
  }
  return [...minutes].sort((a, b) => a - b).map(popupReminder);
}

/** Whether `minutes` is a whole number of minutes a reminder may be set for. */
export function isReminderMinutes(minutes: number): boolean {
  return Number.isInteger(minutes) && minutes >= 0 && minutes <= MAX_REMINDER_MINUTES;
}
