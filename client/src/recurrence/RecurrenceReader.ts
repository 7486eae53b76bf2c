import { Temporal } from 'temporal-polyfill';
import type { PlainDateString } from '../calendar/EventTimes';
import { dateInZone, utcDateOf } from '../calendar/EventTimes';
import type { MonthlyPattern, RepeatEnd, RepeatSettings } from './RepeatSettings';
import { inWeekOrder, isWeekday, weekdayOf, type Weekday } from './Weekday';

/** A series' `recurrence` as the dialog reads it: its rule as settings, and the lines no control edits (EXDATE, RDATE). */
export interface RecurrenceReading {
  readonly settings: RepeatSettings;
  readonly keptLines: readonly string[];
}

/** The series a rule belongs to: the rule's meaning depends on its start (RFC 5545 DTSTART). */
export interface SeriesStart {
  readonly start: string;
  readonly allDay: boolean;
  readonly timeZone: string;
}

type RulePart = 'FREQ' | 'INTERVAL' | 'COUNT' | 'UNTIL' | 'BYDAY' | 'BYMONTHDAY' | 'BYMONTH' | 'WKST';

const KNOWN_PARTS: ReadonlySet<string> = new Set<RulePart>(['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'WKST']);

/** Reads `recurrence` into the dialog's settings; a rule the dialog cannot show exactly becomes `custom`, kept as it is. */
export function readRecurrence(lines: readonly string[] | null, series: SeriesStart): RecurrenceReading {
  const rules = (lines ?? []).filter((line) => lineName(line) === 'RRULE');
  const keptLines = (lines ?? []).filter((line) => lineName(line) !== 'RRULE');
  if (rules.length === 0 && keptLines.length === 0) return { settings: { kind: 'never' }, keptLines };
  const [rule] = rules;
  const settings = rules.length === 1 && rule !== undefined ? settingsOf(rule, series) : null;
  return { settings: settings ?? { kind: 'custom', rules }, keptLines };
}

/** The property name of a content line ("RRULE", "EXDATE" from "EXDATE;TZID=…:…"), upper case. */
function lineName(line: string): string {
  return (/^[^:;]*/.exec(line)?.[0] ?? '').trim().toUpperCase();
}

function settingsOf(line: string, series: SeriesStart): RepeatSettings | null {
  const parts = ruleParts(line);
  if (parts === null) return null;
  const interval = parts.has('INTERVAL') ? positiveInteger(parts.get('INTERVAL')) : 1;
  const end = endOf(parts, series);
  if (interval === null || end === null) return null;
  const startDate = series.allDay ? utcDateOf(series.start) : dateInZone(series.start, series.timeZone);
  // A week start only matters to rules that skip weeks; ours always start weeks on Monday (the default).
  const wkst = parts.get('WKST');
  if (wkst !== undefined && wkst !== 'MO' && interval !== 1) return null;
  const only = (...allowed: RulePart[]): boolean =>
    [...parts.keys()].every((key) => ['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'WKST', ...allowed].includes(key));

  switch (parts.get('FREQ')) {
    case 'DAILY':
      return only() ? { kind: 'daily', interval, end } : null;
    case 'WEEKLY': {
      if (!only('BYDAY')) return null;
      const days = parts.has('BYDAY') ? plainWeekdays(parts.get('BYDAY') ?? '') : [weekdayOf(startDate)];
      return days === null ? null : { kind: 'weekly', interval, days, end };
    }
    case 'MONTHLY': {
      if (!only('BYDAY', 'BYMONTHDAY') || (parts.has('BYDAY') && parts.has('BYMONTHDAY'))) return null;
      const pattern = monthlyPatternOf(parts, startDate);
      return pattern === null ? null : { kind: 'monthly', interval, pattern, end };
    }
    case 'YEARLY': {
      if (!only('BYMONTH', 'BYMONTHDAY')) return null;
      // FREQ=YEARLY alone repeats on the start's month and day; the same spelled out is the same rule.
      const start = Temporal.PlainDate.from(startDate);
      if (parts.has('BYMONTH') && parts.get('BYMONTH') !== String(start.month)) return null;
      if (parts.has('BYMONTHDAY') && parts.get('BYMONTHDAY') !== String(start.day)) return null;
      // BYMONTHDAY without BYMONTH would repeat every month of the year (RFC 5545's expansion), not yearly.
      if (parts.has('BYMONTHDAY') && !parts.has('BYMONTH')) return null;
      return { kind: 'yearly', interval, end };
    }
    default:
      return null;
  }
}

/** The rule's parts by name (upper case), or null when a part is unknown, repeated or malformed. */
function ruleParts(line: string): Map<string, string> | null {
  const value = line.slice(line.indexOf(':') + 1).trim().toUpperCase();
  const parts = new Map<string, string>();
  for (const part of value.split(';')) {
    const [name, partValue, ...rest] = part.split('=');
    if (name === undefined || partValue === undefined || rest.length > 0 || partValue.length === 0) return null;
    if (!KNOWN_PARTS.has(name) || parts.has(name)) return null;
    parts.set(name, partValue);
  }
  return parts.has('FREQ') ? parts : null;
}

function endOf(parts: Map<string, string>, series: SeriesStart): RepeatEnd | null {
  const count = parts.get('COUNT');
  const until = parts.get('UNTIL');
  if (count !== undefined && until !== undefined) return null;
  if (count !== undefined) {
    const n = positiveInteger(count);
    return n === null ? null : { kind: 'afterCount', count: n };
  }
  if (until !== undefined) {
    const date = lastDayOf(until, series);
    return date === null ? null : { kind: 'onDate', date };
  }
  return { kind: 'never' };
}

/**
 * The last day with an occurrence under UNTIL: the day UNTIL falls on in the series' zone, or the day before when
 * UNTIL comes before the series' time of day (the server ends a split series one second before the split).
 */
function lastDayOf(until: string, series: SeriesStart): PlainDateString | null {
  const date = /^(\d{4})(\d{2})(\d{2})$/.exec(until);
  if (date !== null) return `${date[1]}-${date[2]}-${date[3]}`;
  const utc = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(until);
  if (utc === null) return null;
  const zone = series.allDay ? 'UTC' : series.timeZone;
  let instant: Temporal.ZonedDateTime;
  try {
    instant = Temporal.Instant.from(`${utc[1]}-${utc[2]}-${utc[3]}T${utc[4]}:${utc[5]}:${utc[6]}Z`).toZonedDateTimeISO(zone);
  } catch {
    return null;
  }
  const timeOfDay = Temporal.Instant.from(series.start).toZonedDateTimeISO(zone).toPlainTime();
  const day = instant.toPlainDate();
  return (Temporal.PlainTime.compare(instant.toPlainTime(), timeOfDay) < 0 ? day.subtract({ days: 1 }) : day).toString();
}

function plainWeekdays(value: string): Weekday[] | null {
  const days = value.split(',');
  if (!days.every(isWeekday)) return null;
  return new Set(days).size === days.length ? inWeekOrder(days) : null;
}

function monthlyPatternOf(parts: Map<string, string>, startDate: PlainDateString): MonthlyPattern | null {
  const monthDay = parts.get('BYMONTHDAY');
  if (monthDay !== undefined) {
    const day = positiveInteger(monthDay);
    return day !== null && day <= 31 ? { kind: 'dayOfMonth', day } : null;
  }
  const byDay = parts.get('BYDAY');
  if (byDay === undefined) return { kind: 'dayOfMonth', day: Temporal.PlainDate.from(startDate).day };
  const nth = /^([+]?[1-5]|-1)(MO|TU|WE|TH|FR|SA|SU)$/.exec(byDay);
  if (nth === null || nth[1] === undefined || nth[2] === undefined || !isWeekday(nth[2])) return null;
  return { kind: 'weekdayOfMonth', ordinal: Number.parseInt(nth[1], 10), weekday: nth[2] };
}

function positiveInteger(value: string | undefined): number | null {
  if (value === undefined || !/^\d+$/.test(value)) return null;
  const n = Number.parseInt(value, 10);
  return n >= 1 ? n : null;
}
