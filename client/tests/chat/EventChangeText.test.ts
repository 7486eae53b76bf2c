import { describe, expect, it } from 'vitest';
import type { EventChange } from '../../src/api/ChatExchange';
import { eventChangeText } from '../../src/chat/EventChangeText';

const lunch: EventChange = { op: 'created', eventId: 'e1', title: 'Lunch with Sam', start: '2026-12-01T11:00:00.000Z', version: 1 };

describe('eventChangeText', () => {
  it('names the operation and shows the start in the user zone', () => {
    expect(eventChangeText(lunch, { timeZone: 'Europe/Berlin', locale: 'en-GB' })).toEqual({
      action: 'Created', title: 'Lunch with Sam', when: 'Tue 1 Dec, 12:00',
    });
    expect(eventChangeText(lunch, { timeZone: 'America/New_York', locale: 'en-GB' }).when).toBe('Tue 1 Dec, 06:00');
  });

  it('shows an all-day event by its UTC date and without a time, whatever the zone', () => {
    const holiday: EventChange = { ...lunch, op: 'updated', title: 'Holiday', start: '2026-12-01T00:00:00.000Z' };
    expect(eventChangeText(holiday, { timeZone: 'America/Los_Angeles', locale: 'en-GB', allDay: true })).toEqual({
      action: 'Updated', title: 'Holiday', when: 'Tue 1 Dec (all day)',
    });
  });

  it('copes with a deletion that has no start and no title', () => {
    expect(eventChangeText({ op: 'deleted', eventId: 'e2', title: '', start: null, version: 3 }, { timeZone: 'UTC' })).toEqual({
      action: 'Deleted', title: '(untitled event)', when: null,
    });
  });
});
