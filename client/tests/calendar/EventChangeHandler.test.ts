import { describe, expect, it } from 'vitest';
import { EventChangeHandler } from '../../src/calendar/EventChangeHandler';
import { EventStore } from '../../src/calendar/EventStore';
import { parseServerMessage, type EventChangedMessage } from '../../src/realtime/ChangeMessage';
import { sampleEvent, sampleOccurrence, sampleSeries } from './SampleEvents';

const from = new Date('2026-03-01T00:00:00Z');
const to = new Date('2026-04-01T00:00:00Z');
const tuesdays = ['2026-03-03T09:00:00.000Z', '2026-03-10T09:00:00.000Z'];

/** A push as the server sends it, through the real frame parser. */
function push(op: 'upsert' | 'delete', eventId: string, version: number, event: unknown = null): EventChangedMessage {
  const message = parseServerMessage(JSON.stringify({ type: 'event.changed', op, eventId, version, event, seq: 1, at: '2026-03-01T00:00:00Z' }));
  if (message?.type !== 'event.changed') throw new Error('not an event.changed frame');
  return message;
}

function handlerWithSeries() {
  const store = new EventStore();
  store.applySnapshot(from, to, [...tuesdays.map((start) => sampleOccurrence('s1', start, 2)), sampleEvent('single', 1)], store.beginSnapshot());
  const reloads: number[] = [];
  const removed: string[][] = [];
  const handler = new EventChangeHandler(store, { reloadVisibleRange: () => reloads.push(1), removed: (ids) => removed.push([...ids]) });
  return { store, handler, reloads, removed };
}

describe('EventChangeHandler', () => {
  it('reloads the visible range once for a series upsert, and drops the series\' shown occurrences first', () => {
    const t = handlerWithSeries();
    t.handler.handle(push('upsert', 's1', 3, sampleSeries('s1', 3, ['RRULE:FREQ=WEEKLY;BYDAY=TU'])));
    expect(t.reloads).toHaveLength(1);
    expect(t.store.all().map((e) => e.id)).toEqual(['single']);
    // The same push again (or the tab's own write echoed) is no news.
    t.handler.handle(push('upsert', 's1', 3, sampleSeries('s1', 3, ['RRULE:FREQ=WEEKLY;BYDAY=TU'])));
    expect(t.reloads).toHaveLength(1);
  });

  it('applies an override like a single event, replacing the occurrence with its id, without a reload', () => {
    const t = handlerWithSeries();
    const moved = sampleOccurrence('s1', tuesdays[0]!, 3, { start: '2026-03-03T10:00:00.000Z', end: '2026-03-03T11:00:00.000Z' });
    t.handler.handle(push('upsert', moved.id, 3, moved));
    expect(t.store.get(moved.id)?.start).toBe('2026-03-03T10:00:00.000Z');
    expect(t.reloads).toEqual([]);
  });

  it('removes every occurrence when the deleted id is a series the tab shows occurrences of', () => {
    const t = handlerWithSeries();
    t.handler.handle(push('delete', 's1', 2));
    expect(t.store.all().map((e) => e.id)).toEqual(['single']);
    expect(t.removed.map((ids) => ids.sort())).toEqual([['s1_20260303T090000Z', 's1_20260310T090000Z']]);
    // Nothing of the deleted series shows again, whatever arrives late.
    t.handler.handle(push('upsert', 's1_20260303T090000Z', 2, sampleOccurrence('s1', tuesdays[0]!, 2)));
    expect(t.store.all().map((e) => e.id)).toEqual(['single']);
  });

  it('removes a single event or one occurrence by its id', () => {
    const t = handlerWithSeries();
    t.handler.handle(push('delete', 'single', 1));
    t.handler.handle(push('delete', 's1_20260310T090000Z', 2));
    expect(t.store.all().map((e) => e.id)).toEqual(['s1_20260303T090000Z']);
    expect(t.removed).toEqual([['single'], ['s1_20260310T090000Z']]);
  });
});
