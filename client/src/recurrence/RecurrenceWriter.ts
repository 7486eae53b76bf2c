import { Temporal } from 'temporal-polyfill';
import type { FieldProblem } from '../api/ProblemError';
import type { PlainDateString } from '../calendar/EventTimes';
import type { MonthlyPattern, RepeatEnd, RepeatSettings } from './RepeatSettings';
import { inWeekOrder } from './Weekday';

/** The server's bounds (RecurrenceLimits): refused there with a 400, so said here before sending. */
export const MAX_INTERVAL = 1000;
export const MAX_COUNT = 5000;

/** What a rule needs to know about the event it repeats. */
export interface SeriesTiming {
  readonly allDay: boolean;
  /** IANA zone the rule is expanded in (the event's). */
  readonly timeZone: string;
  /** The first occurrence's date in that zone. */
  readonly startDate: PlainDateString;
}

export type RecurrenceLinesResult =
  | { readonly ok: true; readonly lines: string[] }
  | { readonly ok: false; readonly errors: FieldProblem[] };

/**
 * The `recurrence` lines for the dialog's settings: the RRULE first, then `keptLines` (the series' EXDATE and RDATE
 * lines, which no control edits); none at all for "never". Problems are reported on the `recurrence` field.
 */
export function recurrenceLines(settings: RepeatSettings, keptLines: readonly string[], timing: SeriesTiming): RecurrenceLinesResult {
  if (settings.kind === 'never') return { ok: true, lines: [] };
  if (settings.kind === 'custom') return { ok: true, lines: [...settings.rules, ...keptLines] };

  const errors: FieldProblem[] = [];
  if (!Number.isInteger(settings.interval) || settings.interval < 1 || settings.interval > MAX_INTERVAL) {
    errors.push({ field: 'recurrence', message: `Repeat every 1 to ${MAX_INTERVAL}.` });
  }
  if (settings.kind === 'weekly' && settings.days.length === 0) {
    errors.push({ field: 'recurrence', message: 'Choose at least one day of the week.' });
  }
  errors.push(...endProblems(settings.end, timing));
  if (errors.length > 0) return { ok: false, errors };

  const parts = [`FREQ=${settings.kind.toUpperCase()}`];
  if (settings.interval !== 1) parts.push(`INTERVAL=${settings.interval}`);
  if (settings.kind === 'weekly') parts.push(`BYDAY=${inWeekOrder(settings.days).join(',')}`);
  if (settings.kind === 'monthly') parts.push(monthlyPart(settings.pattern));
  const end = endPart(settings.end, timing);
  if (end !== null) parts.push(end);
  return { ok: true, lines: [`RRULE:${parts.join(';')}`, ...keptLines] };
}

/**
 * RFC 5545 UNTIL for the last day of a series: a DATE for all-day events (it must match their DATE starts), else the
 * last second of that day in the event's zone as a UTC date-time, so the day's occurrence is included whatever its time.
 */
export function untilValue(date: PlainDateString, timing: Pick<SeriesTiming, 'allDay' | 'timeZone'>): string {
  if (timing.allDay) return date.replaceAll('-', '');
  const nextMidnight = Temporal.PlainDate.from(date).add({ days: 1 }).toZonedDateTime({ timeZone: timing.timeZone });
  const lastSecond = nextMidnight.subtract({ seconds: 1 }).toInstant().toZonedDateTimeISO('UTC');
  return basicUtc(lastSecond);
}

function endProblems(end: RepeatEnd, timing: SeriesTiming): FieldProblem[] {
  if (end.kind === 'afterCount' && (!Number.isInteger(end.count) || end.count < 1 || end.count > MAX_COUNT)) {
    return [{ field: 'recurrence', message: `End after 1 to ${MAX_COUNT} times.` }];
  }
  if (end.kind === 'onDate') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(end.date)) return [{ field: 'recurrence', message: 'Enter the date the event stops repeating.' }];
    if (end.date < timing.startDate) return [{ field: 'recurrence', message: 'The repeat cannot end before the event starts.' }];
  }
  return [];
}

function endPart(end: RepeatEnd, timing: SeriesTiming): string | null {
  switch (end.kind) {
    case 'never': return null;
    case 'afterCount': return `COUNT=${end.count}`;
    case 'onDate': return `UNTIL=${untilValue(end.date, timing)}`;
  }
}

function monthlyPart(pattern: MonthlyPattern): string {
  return pattern.kind === 'dayOfMonth' ? `BYMONTHDAY=${pattern.day}` : `BYDAY=${pattern.ordinal}${pattern.weekday}`;
}

/** yyyyMMdd'T'HHmmss'Z', RFC 5545's UTC form. */
function basicUtc(utc: Temporal.ZonedDateTime): string {
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
  return `${pad(utc.year, 4)}${pad(utc.month)}${pad(utc.day)}T${pad(utc.hour)}${pad(utc.minute)}${pad(utc.second)}Z`;
}
