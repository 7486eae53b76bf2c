import { describe, expect, it } from 'vitest';
import { recurrenceLines, untilValue, type SeriesTiming } from '../../src/recurrence/RecurrenceWriter';
import type { RepeatSettings } from '../../src/recurrence/RepeatSettings';

const berlin: SeriesTiming = { allDay: false, timeZone: 'Europe/Berlin', startDate: '2026-12-08' };
const allDay: SeriesTiming = { allDay: true, timeZone: 'Europe/Berlin', startDate: '2026-12-08' };
const never = { kind: 'never' } as const;

function lines(settings: RepeatSettings, timing: SeriesTiming = berlin, kept: string[] = []): string[] {
  const result = recurrenceLines(settings, kept, timing);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join(' '));
  return result.lines;
}

function problems(settings: RepeatSettings, timing: SeriesTiming = berlin): string[] {
  const result = recurrenceLines(settings, [], timing);
  return result.ok ? [] : result.errors.map((e) => `${e.field}: ${e.message}`);
}

describe('recurrenceLines: each Repeat choice', () => {
  it('writes nothing for "never", so the event stays single', () => {
    expect(lines(never, berlin, ['EXDATE;TZID=Europe/Berlin:20261215T090000'])).toEqual([]);
  });

  it('writes a daily rule, with INTERVAL only when it is not 1', () => {
    expect(lines({ kind: 'daily', interval: 1, end: never })).toEqual(['RRULE:FREQ=DAILY']);
    expect(lines({ kind: 'daily', interval: 3, end: never })).toEqual(['RRULE:FREQ=DAILY;INTERVAL=3']);
  });

  it('writes the chosen weekdays in week order', () => {
    expect(lines({ kind: 'weekly', interval: 1, days: ['TH', 'MO'], end: never })).toEqual(['RRULE:FREQ=WEEKLY;BYDAY=MO,TH']);
    expect(lines({ kind: 'weekly', interval: 2, days: ['SU', 'SA'], end: never })).toEqual(['RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=SA,SU']);
  });

  it('writes a monthly rule on a day number', () => {
    expect(lines({ kind: 'monthly', interval: 1, pattern: { kind: 'dayOfMonth', day: 15 }, end: never })).toEqual(['RRULE:FREQ=MONTHLY;BYMONTHDAY=15']);
  });

  it('writes a monthly rule on the Nth or the last weekday', () => {
    expect(lines({ kind: 'monthly', interval: 1, pattern: { kind: 'weekdayOfMonth', ordinal: 2, weekday: 'TU' }, end: never }))
      .toEqual(['RRULE:FREQ=MONTHLY;BYDAY=2TU']);
    expect(lines({ kind: 'monthly', interval: 1, pattern: { kind: 'weekdayOfMonth', ordinal: -1, weekday: 'FR' }, end: never }))
      .toEqual(['RRULE:FREQ=MONTHLY;BYDAY=-1FR']);
  });

  it('writes a yearly rule on the start\'s month and day', () => {
    expect(lines({ kind: 'yearly', interval: 1, end: never })).toEqual(['RRULE:FREQ=YEARLY']);
  });

  it('keeps the series\' EXDATE and RDATE lines after the rule', () => {
    const kept = ['EXDATE;TZID=Europe/Berlin:20261215T090000', 'RDATE;TZID=Europe/Berlin:20261219T090000'];
    expect(lines({ kind: 'daily', interval: 1, end: never }, berlin, kept)).toEqual(['RRULE:FREQ=DAILY', ...kept]);
  });

  it('sends a custom rule back word for word', () => {
    const custom = 'RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1';
    expect(lines({ kind: 'custom', rules: [custom] }, berlin, ['EXDATE:20261231T080000Z'])).toEqual([custom, 'EXDATE:20261231T080000Z']);
  });
});

describe('recurrenceLines: Ends', () => {
  it('ends after N times with COUNT', () => {
    expect(lines({ kind: 'daily', interval: 1, end: { kind: 'afterCount', count: 10 } })).toEqual(['RRULE:FREQ=DAILY;COUNT=10']);
  });

  it('ends a timed series at the last second of the chosen day in the event\'s zone, as UTC', () => {
    // 1 March 2027 in Berlin is CET (UTC+1): the day ends at 22:59:59Z.
    expect(lines({ kind: 'weekly', interval: 1, days: ['MO', 'TH'], end: { kind: 'onDate', date: '2027-03-01' } }))
      .toEqual(['RRULE:FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20270301T225959Z']);
  });

  it('ends an all-day series with a DATE UNTIL', () => {
    expect(lines({ kind: 'daily', interval: 1, end: { kind: 'onDate', date: '2027-03-01' } }, allDay)).toEqual(['RRULE:FREQ=DAILY;UNTIL=20270301']);
  });

  it('follows the zone\'s offset on the chosen day (summer time, the day of the change, west of UTC)', () => {
    expect(untilValue('2027-07-01', { allDay: false, timeZone: 'Europe/Berlin' })).toBe('20270701T215959Z');
    // 28 March 2027: Berlin moves to CEST at 02:00, so that day ends at 21:59:59Z.
    expect(untilValue('2027-03-28', { allDay: false, timeZone: 'Europe/Berlin' })).toBe('20270328T215959Z');
    expect(untilValue('2027-07-04', { allDay: false, timeZone: 'America/New_York' })).toBe('20270705T035959Z');
    expect(untilValue('2027-07-04', { allDay: false, timeZone: 'UTC' })).toBe('20270704T235959Z');
  });

  it('refuses what the server would refuse, on the recurrence field', () => {
    expect(problems({ kind: 'weekly', interval: 1, days: [], end: never })).toEqual(['recurrence: Choose at least one day of the week.']);
    expect(problems({ kind: 'daily', interval: 0, end: never })).toEqual(['recurrence: Repeat every 1 to 1000.']);
    expect(problems({ kind: 'daily', interval: 1.5, end: never })).toEqual(['recurrence: Repeat every 1 to 1000.']);
    expect(problems({ kind: 'daily', interval: 1, end: { kind: 'afterCount', count: 0 } })).toEqual(['recurrence: End after 1 to 5000 times.']);
    expect(problems({ kind: 'daily', interval: 1, end: { kind: 'afterCount', count: 5001 } })).toEqual(['recurrence: End after 1 to 5000 times.']);
    expect(problems({ kind: 'daily', interval: 1, end: { kind: 'onDate', date: '2026-12-07' } }))
      .toEqual(['recurrence: The repeat cannot end before the event starts.']);
    expect(problems({ kind: 'daily', interval: 1, end: { kind: 'onDate', date: '' } })).toEqual(['recurrence: Enter the date the event stops repeating.']);
  });

  it('accepts a series that ends on its first day', () => {
    expect(lines({ kind: 'daily', interval: 1, end: { kind: 'onDate', date: '2026-12-08' } })).toEqual(['RRULE:FREQ=DAILY;UNTIL=20261208T225959Z']);
  });
});
