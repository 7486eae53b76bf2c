import type { ReminderOverride } from '../api/ReminderOverride';
import { dateInZone } from '../calendar/EventTimes';
import { clockTimeText, shortDateTimeText, type DateTextOptions } from '../ui/DateText';

/** The units a reminder's "how long before" is written in, largest first. */
export type ReminderUnit = 'weeks' | 'days' | 'hours' | 'minutes';

export const REMINDER_UNITS: readonly ReminderUnit[] = ['minutes', 'hours', 'days', 'weeks'];

export const MINUTES_PER_UNIT: Readonly<Record<ReminderUnit, number>> = { minutes: 1, hours: 60, days: 1_440, weeks: 10_080 };

const UNIT_NAMES: Readonly<Record<ReminderUnit, readonly [string, string]>> = {
  minutes: ['minute', 'minutes'],
  hours: ['hour', 'hours'],
  days: ['day', 'days'],
  weeks: ['week', 'weeks'],
};

/** Minutes as the largest unit that writes them exactly: 1,440 is 1 day, 90 is 90 minutes. */
export function splitMinutes(minutes: number): { readonly amount: number; readonly unit: ReminderUnit } {
  for (const unit of ['weeks', 'days', 'hours'] as const) {
    const per = MINUTES_PER_UNIT[unit];
    if (minutes > 0 && minutes % per === 0) return { amount: minutes / per, unit };
  }
  return { amount: minutes, unit: 'minutes' };
}

/** "1 unit" or "N units". */
export function amountText(amount: number, unit: ReminderUnit): string {
  const [one, many] = UNIT_NAMES[unit];
  return `${amount} ${amount === 1 ? one : many}`;
}

/** "At the start", "10 minutes before", "1 day before". */
export function minutesBeforeText(minutes: number): string {
  if (minutes === 0) return 'At the start';
  const { amount, unit } = splitMinutes(minutes);
  return `${amountText(amount, unit)} before`;
}

/** A list of reminders in one line, earliest first: "1 day before, 10 minutes before"; "No reminders" for none. */
export function remindersText(reminders: readonly ReminderOverride[]): string {
  if (reminders.length === 0) return 'No reminders';
  return [...reminders].sort((a, b) => b.minutes - a.minutes).map((r) => minutesBeforeText(r.minutes)).join(', ');
}

/**
 * When the event of a reminder starts, seen from `now`: "Starts in 10 minutes (14:00)", "Starts now (14:00)",
 * "Started 3 minutes ago (14:00)"; a start on another day names the day.
 */
export function startsText(start: Date, now: Date, options: DateTextOptions): string {
  const sameDay = dateInZone(start, options.timeZone) === dateInZone(now, options.timeZone);
  const at = sameDay ? clockTimeText(start, options) : shortDateTimeText(start, options);
  const minutes = Math.round((start.getTime() - now.getTime()) / 60_000);
  if (minutes === 0) return `Starts now (${at})`;
  if (minutes > 0) return `Starts in ${durationText(minutes)} (${at})`;
  return `Started ${durationText(-minutes)} ago (${at})`;
}

/** A whole number of minutes as people say it: "10 minutes", "1 hour", "2 hours 5 minutes", "3 days". */
function durationText(minutes: number): string {
  if (minutes < 60) return amountText(minutes, 'minutes');
  if (minutes < 1_440) {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return rest === 0 ? amountText(hours, 'hours') : `${amountText(hours, 'hours')} ${amountText(rest, 'minutes')}`;
  }
  return amountText(Math.round(minutes / 1_440), 'days');
}
