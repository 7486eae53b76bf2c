import { describe, expect, it } from 'vitest';
import { parseCalendarEvent } from '../../src/api/CalendarEvent';
import { DEFAULT_REMINDERS, parseEventReminders, sameReminders } from '../../src/api/EventReminders';
import { parseReminderOverrides } from '../../src/api/ReminderOverride';

const wireEvent = {
  id: 'e1', title: 'Lunch', start: '2026-03-10T12:00:00Z', end: '2026-03-10T13:00:00Z', allDay: false, timeZone: 'UTC', version: 1,
};

describe('event reminders', () => {
  it('reads an event without reminders as using the defaults, as the API means it', () => {
    expect(parseCalendarEvent(wireEvent).reminders).toEqual({ useDefault: true, overrides: [] });
    expect(parseEventReminders(null)).toBe(DEFAULT_REMINDERS);
    expect(parseEventReminders({ useDefault: true, overrides: [{ method: 'popup', minutes: 5 }] })).toEqual(DEFAULT_REMINDERS);
  });

  it('reads an event\'s own popup reminders, each time once, earliest-firing last', () => {
    const event = parseCalendarEvent({
      ...wireEvent,
      reminders: { useDefault: false, overrides: [{ method: 'popup', minutes: 1440 }, { method: 'popup', minutes: 10 }, { method: 'popup', minutes: 10 }] },
    });
    expect(event.reminders).toEqual({ useDefault: false, overrides: [{ method: 'popup', minutes: 10 }, { method: 'popup', minutes: 1440 }] });
  });

  it('reads no overrides as no reminder at all, not as the defaults', () => {
    expect(parseEventReminders({ useDefault: false })).toEqual({ useDefault: false, overrides: [] });
  });

  it('leaves out what is not a popup reminder in range: e-mail reminders stay Google\'s', () => {
    expect(parseReminderOverrides([
      { method: 'email', minutes: 30 }, { method: 'popup', minutes: 40321 }, { method: 'popup', minutes: -1 },
      { method: 'popup', minutes: 2.5 }, { method: 'popup' }, 'popup', { method: 'popup', minutes: 40320 }, { method: 'popup', minutes: 0 },
    ])).toEqual([{ method: 'popup', minutes: 0 }, { method: 'popup', minutes: 40320 }]);
    expect(parseReminderOverrides({ method: 'popup', minutes: 5 })).toEqual([]);
  });

  it('compares reminders by what they remind of', () => {
    const own = (...minutes: number[]) => ({ useDefault: false, overrides: minutes.map((m) => ({ method: 'popup' as const, minutes: m })) });
    expect(sameReminders(own(10, 60), own(60, 10))).toBe(true);
    expect(sameReminders(own(10), own(10, 60))).toBe(false);
    expect(sameReminders(own(), DEFAULT_REMINDERS)).toBe(false);
    expect(sameReminders(DEFAULT_REMINDERS, { useDefault: true, overrides: [] })).toBe(true);
  });
});
