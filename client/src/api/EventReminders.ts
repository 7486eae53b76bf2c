import { jsonObjectOrNull } from '../json/JsonObject';
import { parseReminderOverrides, type ReminderOverride } from './ReminderOverride';

/**
 * An event's `reminders`, Google Calendar API v3's shape: `useDefault` means the user's default reminders apply
 * (`GET /api/settings/reminders`); otherwise `overrides` are the event's own (none at all is allowed: no reminder).
 */
export interface EventReminders {
  readonly useDefault: boolean;
  readonly overrides: readonly ReminderOverride[];
}

/** What an event without a `reminders` field has. */
export const DEFAULT_REMINDERS: EventReminders = { useDefault: true, overrides: [] };

/** An event's `reminders` as the server sent it; absent or malformed means the defaults apply. */
export function parseEventReminders(value: unknown): EventReminders {
  const reminders = jsonObjectOrNull(value);
  if (reminders === null || reminders['useDefault'] !== false) return DEFAULT_REMINDERS;
  return { useDefault: false, overrides: parseReminderOverrides(reminders['overrides']) };
}

/** Whether two `reminders` values remind alike (overrides compared as sets of minutes). */
export function sameReminders(a: EventReminders, b: EventReminders): boolean {
  if (a.useDefault !== b.useDefault) return false;
  if (a.useDefault) return true;
  const minutes = (r: EventReminders): string => [...new Set(r.overrides.map((o) => o.minutes))].sort((x, y) => x - y).join(',');
  return minutes(a) === minutes(b);
}
