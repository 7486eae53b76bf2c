import type { PlainDateString } from '../calendar/EventTimes';
import type { Weekday } from './Weekday';

/** Which day of the month a monthly rule falls on: a day number (BYMONTHDAY) or the Nth weekday (BYDAY=2TU, -1 = last). */
export type MonthlyPattern =
  | { readonly kind: 'dayOfMonth'; readonly day: number }
  | { readonly kind: 'weekdayOfMonth'; readonly ordinal: number; readonly weekday: Weekday };

/** How a series ends: never, after its occurrences on a date (UNTIL), or after a number of occurrences (COUNT). */
export type RepeatEnd =
  | { readonly kind: 'never' }
  | { readonly kind: 'onDate'; readonly date: PlainDateString }
  | { readonly kind: 'afterCount'; readonly count: number };

/**
 * What the dialog's Repeat controls say, one choice per RRULE the dialog can write. `custom` is a rule it cannot
 * show (BYSETPOS, several rules, …): it is kept word for word.
 */
export type RepeatSettings =
  | { readonly kind: 'never' }
  | { readonly kind: 'daily'; readonly interval: number; readonly end: RepeatEnd }
  | { readonly kind: 'weekly'; readonly interval: number; readonly days: readonly Weekday[]; readonly end: RepeatEnd }
  | { readonly kind: 'monthly'; readonly interval: number; readonly pattern: MonthlyPattern; readonly end: RepeatEnd }
  | { readonly kind: 'yearly'; readonly interval: number; readonly end: RepeatEnd }
  | { readonly kind: 'custom'; readonly rules: readonly string[] };

export type RepeatFrequency = 'daily' | 'weekly' | 'monthly' | 'yearly';
