import { Temporal } from 'temporal-polyfill';
import type { PlainDateString } from '../calendar/EventTimes';
import type { MonthlyPattern } from './RepeatSettings';
import { weekdayName, weekdayOf } from './Weekday';

/**
 * The monthly rules that keep a series on `date`, as Google Calendar offers them: the same day number, the same Nth
 * weekday (1st to 4th), and "last" when it is the last such weekday of its month.
 */
export function monthlyPatternsFor(date: PlainDateString): MonthlyPattern[] {
  const day = Temporal.PlainDate.from(date);
  const weekday = weekdayOf(date);
  const ordinal = Math.ceil(day.day / 7);
  const patterns: MonthlyPattern[] = [{ kind: 'dayOfMonth', day: day.day }];
  // A 5th weekday exists in some months only; "last" is the rule people mean by it.
  if (ordinal <= 4) patterns.push({ kind: 'weekdayOfMonth', ordinal, weekday });
  if (day.day + 7 > day.daysInMonth) patterns.push({ kind: 'weekdayOfMonth', ordinal: -1, weekday });
  return patterns;
}

/** "on day 15", "on the 2nd Tuesday", "on the last Friday" */
export function monthlyPatternText(pattern: MonthlyPattern): string {
  if (pattern.kind === 'dayOfMonth') return `on day ${pattern.day}`;
  return `on the ${ordinalText(pattern.ordinal)} ${weekdayName(pattern.weekday)}`;
}

export function sameMonthlyPattern(a: MonthlyPattern, b: MonthlyPattern): boolean {
  if (a.kind === 'dayOfMonth') return b.kind === 'dayOfMonth' && a.day === b.day;
  return b.kind === 'weekdayOfMonth' && a.ordinal === b.ordinal && a.weekday === b.weekday;
}

function ordinalText(ordinal: number): string {
  if (ordinal === -1) return 'last';
  const suffix = ordinal === 1 ? 'st' : ordinal === 2 ? 'nd' : ordinal === 3 ? 'rd' : 'th';
  return `${ordinal}${suffix}`;
}
