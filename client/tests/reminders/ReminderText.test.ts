import { describe, expect, it } from 'vitest';
import { minutesBeforeText, remindersText, splitMinutes, startsText } from '../../src/reminders/ReminderText';

const utc = { timeZone: 'UTC', locale: 'en-GB' };

describe('ReminderText', () => {
  it('writes minutes in the largest unit that holds them exactly', () => {
    expect(splitMinutes(0)).toEqual({ amount: 0, unit: 'minutes' });
    expect(splitMinutes(90)).toEqual({ amount: 90, unit: 'minutes' });
    expect(splitMinutes(120)).toEqual({ amount: 2, unit: 'hours' });
    expect(splitMinutes(1440)).toEqual({ amount: 1, unit: 'days' });
    expect(splitMinutes(40320)).toEqual({ amount: 4, unit: 'weeks' });
  });

  it('names reminders as people say them', () => {
    expect(minutesBeforeText(0)).toBe('At the start');
    expect(minutesBeforeText(1)).toBe('1 minute before');
    expect(minutesBeforeText(60)).toBe('1 hour before');
    expect(minutesBeforeText(2880)).toBe('2 days before');
    expect(remindersText([])).toBe('No reminders');
    expect(remindersText([{ method: 'popup', minutes: 10 }, { method: 'popup', minutes: 1440 }])).toBe('1 day before, 10 minutes before');
  });

  it('says when the event starts, from now', () => {
    const start = new Date('2026-12-07T09:00:00Z');
    expect(startsText(start, new Date('2026-12-07T08:50:00Z'), utc)).toBe('Starts in 10 minutes (09:00)');
    expect(startsText(start, new Date('2026-12-07T08:59:45Z'), utc)).toBe('Starts now (09:00)');
    expect(startsText(start, new Date('2026-12-07T09:03:00Z'), utc)).toBe('Started 3 minutes ago (09:00)');
    expect(startsText(start, new Date('2026-12-07T06:55:00Z'), utc)).toBe('Starts in 2 hours 5 minutes (09:00)');
    expect(startsText(start, new Date('2026-12-06T09:00:00Z'), utc)).toBe('Starts in 1 day (Mon 7 Dec, 09:00)');
  });

  it('reads the day in the browser\'s zone, not UTC', () => {
    // 23:30 UTC on the 6th is already the 7th in Berlin, like the start: same day, so only the time is named.
    expect(startsText(new Date('2026-12-07T09:00:00Z'), new Date('2026-12-06T23:30:00Z'), { timeZone: 'Europe/Berlin', locale: 'en-GB' }))
      .toBe('Starts in 9 hours 30 minutes (10:00)');
  });
});
