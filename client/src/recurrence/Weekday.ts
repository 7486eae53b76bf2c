import { Temporal } from 'temporal-polyfill';
import type { PlainDateString } from '../calendar/EventTimes';

/** RFC 5545 weekday codes (BYDAY), Monday first as ISO 8601 and RFC 5545's default WKST have it. */
export type Weekday = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';

export const WEEKDAYS: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

const NAMES: Readonly<Record<Weekday, string>> = {
  MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday',
};

export function isWeekday(code: string): code is Weekday {
  return (WEEKDAYS as readonly string[]).includes(code);
}

export function weekdayName(day: Weekday): string {
  return NAMES[day];
}

export function weekdayOf(date: PlainDateString): Weekday {
  // Temporal numbers days 1 (Monday) to 7 (Sunday).
  const day = WEEKDAYS[Temporal.PlainDate.from(date).dayOfWeek - 1];
  if (day === undefined) throw new RangeError(`No weekday for ${date}.`);
  return day;
}

/** The days in week order, each once. */
export function inWeekOrder(days: Iterable<Weekday>): Weekday[] {
  const chosen = new Set(days);
  return WEEKDAYS.filter((day) => chosen.has(day));
}
