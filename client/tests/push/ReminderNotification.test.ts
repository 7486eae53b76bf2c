import { describe, expect, it } from 'vitest';
import { readReminderPayload, reminderNotification } from '../../src/push/ReminderNotification';

const NOTICE = {
  reminderId: 'rem-1',
  eventId: 'evt-1',
  occurrenceStart: '2026-12-02T08:00:00.000Z',
  title: 'Stand-up',
  start: '2026-12-02T08:00:00.000Z',
  minutesBefore: 10,
};

describe('reminder notifications', () => {
  it('reads the server\'s ReminderNotice', () => {
    expect(readReminderPayload(NOTICE)).toEqual({
      ...NOTICE,
      occurrenceStart: new Date('2026-12-02T08:00:00.000Z'),
      start: new Date('2026-12-02T08:00:00.000Z'),
    });
  });

  it('refuses a payload missing a field or with one of the wrong type', () => {
    for (const field of Object.keys(NOTICE)) {
      const broken: Record<string, unknown> = { ...NOTICE };
      delete broken[field];
      expect(readReminderPayload(broken), field).toBeNull();
    }
    expect(readReminderPayload({ ...NOTICE, start: 'soon' })).toBeNull();
    expect(readReminderPayload({ ...NOTICE, minutesBefore: '10' })).toBeNull();
    expect(readReminderPayload([NOTICE])).toBeNull();
  });

  it('says only the time on the day itself, in the device\'s zone, and the date on another day', () => {
    const payload = readReminderPayload(NOTICE);
    const sameDay = reminderNotification(payload, new Date('2026-12-02T07:50:00Z'), 'Europe/Berlin', 'en-GB');
    const dayBefore = reminderNotification(payload, new Date('2026-12-01T21:00:00Z'), 'Europe/Berlin', 'en-GB');

    expect(sameDay.options.body).toBe('Starts 09:00');
    expect(dayBefore.options.body).toBe('Starts Wed 2 Dec, 09:00');
    expect(sameDay.options.tag).toBe('rem-1');
  });

  it('the day is the device\'s, not UTC\'s', () => {
    // 23:30 UTC on 1 December is 08:30 on 2 December in Tokyo, the day of the 09:00 UTC+9 start.
    const payload = readReminderPayload({ ...NOTICE, occurrenceStart: '2026-12-02T00:00:00.000Z', start: '2026-12-02T00:00:00.000Z' });
    expect(reminderNotification(payload, new Date('2026-12-01T23:30:00Z'), 'Asia/Tokyo', 'en-GB').options.body).toBe('Starts 09:00');
  });
});
