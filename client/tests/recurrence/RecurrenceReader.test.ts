import { describe, expect, it } from 'vitest';
import { readRecurrence, type SeriesStart } from '../../src/recurrence/RecurrenceReader';
import { recurrenceLines } from '../../src/recurrence/RecurrenceWriter';
import type { RepeatSettings } from '../../src/recurrence/RepeatSettings';

// Tuesday 8 December 2026, 09:00 in Berlin (CET, UTC+1).
const timed: SeriesStart = { start: '2026-12-08T08:00:00Z', allDay: false, timeZone: 'Europe/Berlin' };
const allDay: SeriesStart = { start: '2026-12-08T00:00:00Z', allDay: true, timeZone: 'Europe/Berlin' };
const never = { kind: 'never' } as const;

function read(series: SeriesStart, ...lines: string[]): RepeatSettings {
  return readRecurrence(lines, series).settings;
}

describe('readRecurrence: what the dialog writes reads back the same', () => {
  const choices: RepeatSettings[] = [
    { kind: 'daily', interval: 1, end: never },
    { kind: 'daily', interval: 2, end: { kind: 'afterCount', count: 10 } },
    { kind: 'weekly', interval: 1, days: ['MO', 'TH'], end: { kind: 'onDate', date: '2027-03-01' } },
    { kind: 'weekly', interval: 3, days: ['TU'], end: never },
    { kind: 'monthly', interval: 1, pattern: { kind: 'dayOfMonth', day: 8 }, end: never },
    { kind: 'monthly', interval: 1, pattern: { kind: 'weekdayOfMonth', ordinal: 2, weekday: 'TU' }, end: { kind: 'afterCount', count: 6 } },
    { kind: 'monthly', interval: 2, pattern: { kind: 'weekdayOfMonth', ordinal: -1, weekday: 'FR' }, end: { kind: 'onDate', date: '2027-12-31' } },
    { kind: 'yearly', interval: 1, end: { kind: 'onDate', date: '2036-12-08' } },
  ];

  for (const series of [timed, allDay]) {
    for (const settings of choices) {
      it(`${settings.kind} ${JSON.stringify(settings)} (${series.allDay ? 'all-day' : 'timed'})`, () => {
        const written = recurrenceLines(settings, [], { allDay: series.allDay, timeZone: series.timeZone, startDate: '2026-12-08' });
        if (!written.ok) throw new Error('not written');
        expect(readRecurrence(written.lines, series)).toEqual({ settings, keptLines: [] });
      });
    }
  }
});

describe('readRecurrence: rules written elsewhere', () => {
  it('reads no recurrence as "never"', () => {
    expect(readRecurrence(null, timed)).toEqual({ settings: never, keptLines: [] });
    expect(readRecurrence([], timed)).toEqual({ settings: never, keptLines: [] });
  });

  it('takes a weekly rule without BYDAY to repeat on the start\'s weekday (RFC 5545 DTSTART)', () => {
    expect(read(timed, 'RRULE:FREQ=WEEKLY')).toEqual({ kind: 'weekly', interval: 1, days: ['TU'], end: never });
  });

  it('reads BYDAY in any order and any letter case', () => {
    expect(read(timed, 'rrule:freq=weekly;byday=th,mo')).toEqual({ kind: 'weekly', interval: 1, days: ['MO', 'TH'], end: never });
  });

  it('takes a monthly rule without BY parts to repeat on the start\'s day number', () => {
    expect(read(timed, 'RRULE:FREQ=MONTHLY')).toEqual({ kind: 'monthly', interval: 1, pattern: { kind: 'dayOfMonth', day: 8 }, end: never });
    expect(read(timed, 'RRULE:FREQ=MONTHLY;BYDAY=+3WE')).toEqual({ kind: 'monthly', interval: 1, pattern: { kind: 'weekdayOfMonth', ordinal: 3, weekday: 'WE' }, end: never });
  });

  it('reads a yearly rule that spells out the start\'s month and day', () => {
    expect(read(timed, 'RRULE:FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=8')).toEqual({ kind: 'yearly', interval: 1, end: never });
  });

  it('reads the day a series split by the server ends on: UNTIL one second before that day\'s occurrence', () => {
    // Split at Tuesday 9 March 2027 09:00 Berlin (08:00Z): the old series ends on Monday 8 March.
    expect(read(timed, 'RRULE:FREQ=DAILY;UNTIL=20270309T075959Z')).toEqual({ kind: 'daily', interval: 1, end: { kind: 'onDate', date: '2027-03-08' } });
    // An UNTIL at or after the day's 09:00 includes that day.
    expect(read(timed, 'RRULE:FREQ=DAILY;UNTIL=20270309T080000Z')).toEqual({ kind: 'daily', interval: 1, end: { kind: 'onDate', date: '2027-03-09' } });
  });

  it('reads a DATE UNTIL as that day, and a date-time UNTIL of an all-day series as its UTC day', () => {
    expect(read(allDay, 'RRULE:FREQ=DAILY;UNTIL=20270301')).toEqual({ kind: 'daily', interval: 1, end: { kind: 'onDate', date: '2027-03-01' } });
    expect(read(allDay, 'RRULE:FREQ=DAILY;UNTIL=20270301T000000Z')).toEqual({ kind: 'daily', interval: 1, end: { kind: 'onDate', date: '2027-03-01' } });
  });

  it('keeps EXDATE and RDATE lines aside, whatever the rule', () => {
    const exdate = 'EXDATE;TZID=Europe/Berlin:20261215T090000';
    const rdate = 'RDATE;VALUE=DATE:20261219';
    expect(readRecurrence(['RRULE:FREQ=DAILY', exdate, rdate], timed)).toEqual({ settings: { kind: 'daily', interval: 1, end: never }, keptLines: [exdate, rdate] });
  });

  it('shows rules the dialog cannot write as custom, kept word for word', () => {
    const custom = [
      'RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
      'RRULE:FREQ=MONTHLY;BYDAY=TU',
      'RRULE:FREQ=MONTHLY;BYMONTHDAY=-1',
      'RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR',
      'RRULE:FREQ=YEARLY;BYMONTHDAY=8',
      'RRULE:FREQ=YEARLY;BYMONTH=6',
      'RRULE:FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=MO',
      'RRULE:FREQ=WEEKLY;BYDAY=1MO',
      'RRULE:FREQ=DAILY;COUNT=3;UNTIL=20270101T000000Z',
      'RRULE:FREQ=DAILY;UNTIL=20270101T000000',
      'RRULE:FREQ=DAILY;BYYEARDAY=1',
      'RRULE:FREQ=DAILY;COUNT=0',
      'RRULE:FREQ=DAILY;FREQ=WEEKLY',
    ];
    for (const rule of custom) {
      expect(readRecurrence([rule, 'EXDATE:20261215T080000Z'], timed), rule).toEqual({ settings: { kind: 'custom', rules: [rule] }, keptLines: ['EXDATE:20261215T080000Z'] });
    }
    expect(read(timed, 'RRULE:FREQ=DAILY', 'RRULE:FREQ=WEEKLY')).toEqual({ kind: 'custom', rules: ['RRULE:FREQ=DAILY', 'RRULE:FREQ=WEEKLY'] });
  });

  it('reads a WKST other than Monday as the same rule when no weeks are skipped', () => {
    expect(read(timed, 'RRULE:FREQ=WEEKLY;WKST=SU;BYDAY=MO')).toEqual({ kind: 'weekly', interval: 1, days: ['MO'], end: never });
  });
});
