import { describe, expect, it } from 'vitest';
import { parseServerMessage } from '../../src/realtime/ChangeMessage';

const frame = {
  type: 'reminder', eventId: 'e1', occurrenceStart: '2026-12-01T11:00:00Z', title: 'Lunch with Sam',
  start: '2026-12-01T11:00:00Z', minutesBefore: 10, reminderId: 'r-e1-20261201T110000Z-10',
};

describe('reminder frames', () => {
  it('reads a reminder with its instants in UTC', () => {
    expect(parseServerMessage(JSON.stringify({ ...frame, start: '2026-12-01T12:00:00+01:00' }))).toEqual({
      type: 'reminder', reminderId: 'r-e1-20261201T110000Z-10', eventId: 'e1', occurrenceStart: '2026-12-01T11:00:00.000Z',
      title: 'Lunch with Sam', start: '2026-12-01T11:00:00.000Z', minutesBefore: 10,
    });
  });

  it('reads a dismissal by reminder id', () => {
    expect(parseServerMessage('{"type":"reminder.dismissed","reminderId":"r1"}')).toEqual({ type: 'reminder.dismissed', reminderId: 'r1' });
  });

  it('reads a snooze by reminder id, with when the reminder comes back', () => {
    expect(parseServerMessage('{"type":"reminder.snoozed","reminderId":"r1","snoozedUntil":"2026-12-07T09:05:00Z"}'))
      .toEqual({ type: 'reminder.snoozed', reminderId: 'r1', snoozedUntil: '2026-12-07T09:05:00.000Z' });
    expect(parseServerMessage('{"type":"reminder.snoozed","reminderId":"r1"}')).toEqual({ type: 'reminder.snoozed', reminderId: 'r1', snoozedUntil: null });
    expect(parseServerMessage('{"type":"reminder.snoozed"}')).toBeNull();
  });

  it('drops reminder frames missing what a toast needs', () => {
    for (const field of ['reminderId', 'eventId', 'occurrenceStart', 'title', 'minutesBefore']) {
      const partial: Record<string, unknown> = { ...frame };
      delete partial[field];
      expect(parseServerMessage(JSON.stringify(partial)), field).toBeNull();
    }
    expect(parseServerMessage(JSON.stringify({ ...frame, occurrenceStart: 'soon' }))).toBeNull();
    expect(parseServerMessage(JSON.stringify({ ...frame, minutesBefore: '10' }))).toBeNull();
    expect(parseServerMessage(JSON.stringify({ ...frame, reminderId: '' }))).toBeNull();
    expect(parseServerMessage('{"type":"reminder.dismissed"}')).toBeNull();
  });

  it('takes the occurrence start when a frame has no start of its own', () => {
    const withoutStart: Record<string, unknown> = { ...frame };
    delete withoutStart['start'];
    expect(parseServerMessage(JSON.stringify(withoutStart))).toMatchObject({ start: '2026-12-01T11:00:00.000Z' });
  });
});
