import { describe, expect, it } from 'vitest';
import { EventStore, type StoreChange } from '../../src/calendar/EventStore';
import { sampleEvent, sampleOccurrence, sampleSeries } from './SampleEvents';

const weekly = ['RRULE:FREQ=WEEKLY;BYDAY=TU'];
const from = new Date('2026-03-01T00:00:00Z');
const to = new Date('2026-04-01T00:00:00Z');
const tuesdays = ['2026-03-03T09:00:00.000Z', '2026-03-10T09:00:00.000Z', '2026-03-17T09:00:00.000Z'];

function storeWithSeries(version: number): EventStore {
  const store = new EventStore();
  store.applySnapshot(from, to, [...tuesdays.map((start) => sampleOccurrence('s1', start, version)), sampleEvent('single', 1)], store.beginSnapshot());
  return store;
}

function recording(store: EventStore): StoreChange[] {
  const changes: StoreChange[] = [];
  store.subscribe((change) => changes.push(change));
  return changes;
}

function shownIds(store: EventStore): string[] {
  return store.all().map((e) => e.id).sort();
}

describe('EventStore with series', () => {
  it('never stores the series item itself: only its occurrences are drawn', () => {
    const store = new EventStore();
    const changes = recording(store);
    expect(store.upsert(sampleSeries('s1', 1, weekly))).toBe(true);
    expect(store.all()).toEqual([]);
    expect(changes).toEqual([]);
  });

  it('drops every occurrence below a changed series\' version and says the range must be loaded again', () => {
    const store = storeWithSeries(2);
    const changes = recording(store);
    expect(store.upsert(sampleSeries('s1', 3, weekly))).toBe(true);
    expect(shownIds(store)).toEqual(['single']);
    expect(changes.map((c) => c.kind)).toEqual(['remove', 'remove', 'remove']);
  });

  it('refuses occurrences of the old version that arrive after the series changed (a reload begun before it)', () => {
    const store = storeWithSeries(2);
    store.upsert(sampleSeries('s1', 3, weekly));
    const late = store.beginSnapshot();
    store.applySnapshot(from, to, [...tuesdays.map((start) => sampleOccurrence('s1', start, 2)), sampleEvent('single', 1)], late);
    expect(shownIds(store)).toEqual(['single']);
    store.applySnapshot(from, to, [...tuesdays.map((start) => sampleOccurrence('s1', start, 3)), sampleEvent('single', 1)], store.beginSnapshot());
    expect(store.all().filter((e) => e.recurringEventId === 's1').map((e) => e.version)).toEqual([3, 3, 3]);
  });

  it('does not ask for a reload for a series version it already shows (its own echo, or a reload that came first)', () => {
    const store = storeWithSeries(3);
    const changes = recording(store);
    expect(store.upsert(sampleSeries('s1', 3, weekly))).toBe(false);
    expect(store.upsert(sampleSeries('s1', 2, weekly))).toBe(false);
    expect(changes).toEqual([]);
    expect(shownIds(store)).toHaveLength(4);
  });

  it('replaces an occurrence with its override (same id) like a single event, by version', () => {
    const store = storeWithSeries(2);
    const moved = sampleOccurrence('s1', tuesdays[1]!, 3, { start: '2026-03-10T11:00:00.000Z', end: '2026-03-10T12:00:00.000Z', originalStartTime: tuesdays[1]! });
    expect(store.upsert(moved)).toBe(true);
    expect(store.get(moved.id)?.start).toBe('2026-03-10T11:00:00.000Z');
    expect(store.upsert({ ...moved, start: tuesdays[1]!, version: 2 })).toBe(false);
    // The series push of the same change drops the others (still at 2) but keeps the override.
    expect(store.upsert(sampleSeries('s1', 3, weekly))).toBe(true);
    expect(shownIds(store)).toEqual(['s1_20260310T090000Z', 'single']);
  });

  it('removes every occurrence of a deleted series, and none comes back at that version or below', () => {
    const store = storeWithSeries(2);
    const removed = store.removeSeries('s1', 2);
    expect(removed.sort()).toEqual(['s1_20260303T090000Z', 's1_20260310T090000Z', 's1_20260317T090000Z']);
    expect(shownIds(store)).toEqual(['single']);
    store.applySnapshot(from, to, [...tuesdays.map((start) => sampleOccurrence('s1', start, 2)), sampleEvent('single', 1)], store.beginSnapshot());
    expect(store.upsert(sampleOccurrence('s1', '2026-03-24T09:00:00.000Z', 2))).toBe(false);
    expect(store.upsert(sampleSeries('s1', 2, weekly))).toBe(false);
    expect(shownIds(store)).toEqual(['single']);
  });

  it('refuses occurrences of a series deleted before they were ever shown', () => {
    const store = new EventStore();
    expect(store.removeSeries('s1', 4)).toEqual([]);
    expect(store.upsert(sampleOccurrence('s1', tuesdays[0]!, 4))).toBe(false);
    expect(store.all()).toEqual([]);
  });

  it('turns a single event given a rule into its series: the single is no longer drawn', () => {
    const store = new EventStore();
    store.upsert(sampleEvent('e1', 1));
    expect(store.upsert(sampleSeries('e1', 2, weekly))).toBe(true);
    expect(store.all()).toEqual([]);
    expect(store.upsert(sampleEvent('e1', 1))).toBe(false);
  });

  it('drops the occurrences of a series that became a single event again', () => {
    const store = storeWithSeries(2);
    expect(store.upsert(sampleEvent('s1', 3))).toBe(true);
    expect(shownIds(store)).toEqual(['s1', 'single']);
    expect(store.upsert(sampleOccurrence('s1', tuesdays[0]!, 2))).toBe(false);
  });

  it('forgets series versions on clear (sign-out)', () => {
    const store = storeWithSeries(2);
    store.removeSeries('s1', 2);
    store.clear();
    expect(store.upsert(sampleOccurrence('s1', tuesdays[0]!, 2))).toBe(true);
  });
});
