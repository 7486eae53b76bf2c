import { describe, expect, it } from 'vitest';
import { parseServerMessage } from '../../src/realtime/ChangeMessage';

const event = {
  id: 'e1', title: 'Lunch', start: '2026-03-10T12:00:00Z', end: '2026-03-10T13:00:00Z', allDay: false,
  timeZone: 'UTC', description: null, location: null, version: 5, updatedAt: '2026-03-01T00:00:00Z', source: 'api',
};

describe('parseServerMessage', () => {
  it('reads an upsert with its event', () => {
    const message = parseServerMessage(JSON.stringify({ type: 'event.changed', op: 'upsert', eventId: 'e1', version: 5, event, seq: 7, at: '2026-03-10T12:00:01Z' }));
    expect(message).toMatchObject({ type: 'event.changed', op: 'upsert', eventId: 'e1', version: 5, seq: 7 });
    expect(message?.type === 'event.changed' && message.event?.title).toBe('Lunch');
  });

  it('reads a delete without an event', () => {
    expect(parseServerMessage(JSON.stringify({ type: 'event.changed', op: 'delete', eventId: 'e1', version: 6, event: null, seq: 8, at: 'x' })))
      .toMatchObject({ type: 'event.changed', op: 'delete', eventId: 'e1', version: 6, event: null });
  });

  it('reads pong and error frames', () => {
    expect(parseServerMessage('{"type":"pong"}')).toEqual({ type: 'pong' });
    expect(parseServerMessage('{"type":"error","code":"unknown_action","message":"Only ping is supported."}'))
      .toEqual({ type: 'error', code: 'unknown_action', message: 'Only ping is supported.' });
  });

  it('drops frames that would corrupt the store', () => {
    expect(parseServerMessage('{')).toBeNull();
    expect(parseServerMessage('"text"')).toBeNull();
    expect(parseServerMessage('{"type":"something.new"}')).toBeNull();
    expect(parseServerMessage(JSON.stringify({ type: 'event.changed', op: 'upsert', eventId: 'e1', version: 5, event: null }))).toBeNull();
    expect(parseServerMessage(JSON.stringify({ type: 'event.changed', op: 'upsert', eventId: 'other', version: 5, event }))).toBeNull();
    expect(parseServerMessage(JSON.stringify({ type: 'event.changed', op: 'move', eventId: 'e1', version: 5, event }))).toBeNull();
    expect(parseServerMessage(JSON.stringify({ type: 'event.changed', op: 'delete', eventId: 'e1', version: '5' }))).toBeNull();
  });
});
