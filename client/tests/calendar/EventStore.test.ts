import { describe, expect, it } from 'vitest';
import { EventStore, type StoreChange } from '../../src/calendar/EventStore';
import { sampleEvent } from './SampleEvents';

const event = sampleEvent;

function recording(store: EventStore): StoreChange[] {
  const changes: StoreChange[] = [];
  store.subscribe((change) => changes.push(change));
  return changes;
}

const marchFrom = new Date('2026-03-01T00:00:00Z');
const marchTo = new Date('2026-04-01T00:00:00Z');

describe('EventStore version rules', () => {
  it('applies a newer version over an older one', () => {
    const store = new EventStore();
    store.upsert(event('a', 1));
    expect(store.upsert(event('a', 2))).toBe(true);
    expect(store.get('a')?.version).toBe(2);
  });

  it('never replaces a newer version with an older one', () => {
    const store = new EventStore();
    store.upsert(event('a', 3));
    const changes = recording(store);
    expect(store.upsert(event('a', 2))).toBe(false);
    expect(store.get('a')?.title).toBe('a v3');
    expect(changes).toEqual([]);
  });

  it('ignores a repeat of the version it already has', () => {
    const store = new EventStore();
    store.upsert(event('a', 2));
    const changes = recording(store);
    expect(store.upsert(event('a', 2, { title: 'echo' }))).toBe(false);
    expect(store.get('a')?.title).toBe('a v2');
    expect(changes).toEqual([]);
  });

  it('ends at the newest version whatever order the changes arrive in', () => {
    const versions = [1, 2, 3, 4];
    const orders = [versions, [...versions].reverse(), [2, 4, 1, 3], [3, 1, 4, 2]];
    for (const order of orders) {
      const store = new EventStore();
      for (const version of order) store.upsert(event('a', version));
      expect(store.get('a')?.version, `order ${order.join(',')}`).toBe(4);
    }
  });

  it('remembers a delete so that a late upsert of the same or an older version cannot resurrect it', () => {
    const store = new EventStore();
    store.upsert(event('a', 2));
    expect(store.remove('a', 2)).toBe(true);
    expect(store.upsert(event('a', 2))).toBe(false);
    expect(store.upsert(event('a', 1))).toBe(false);
    expect(store.get('a')).toBeUndefined();
    expect(store.all()).toEqual([]);
  });

  it('keeps a tombstone for a delete that arrives before the event was ever seen', () => {
    const store = new EventStore();
    expect(store.remove('a', 3)).toBe(false);
    expect(store.upsert(event('a', 3))).toBe(false);
    expect(store.get('a')).toBeUndefined();
  });

  it('accepts a version newer than the tombstone', () => {
    const store = new EventStore();
    store.remove('a', 3);
    expect(store.upsert(event('a', 4))).toBe(true);
    expect(store.get('a')?.version).toBe(4);
  });

  it('does not let an older delete remove a newer version', () => {
    const store = new EventStore();
    store.upsert(event('a', 5));
    expect(store.remove('a', 4)).toBe(false);
    expect(store.get('a')?.version).toBe(5);
  });

  it('never lowers a tombstone', () => {
    const store = new EventStore();
    store.remove('a', 5);
    store.remove('a', 2);
    expect(store.upsert(event('a', 4))).toBe(false);
    expect(store.upsert(event('a', 6))).toBe(true);
  });

  it('tells subscribers about applied upserts and removals only', () => {
    const store = new EventStore();
    const changes = recording(store);
    store.upsert(event('a', 1));
    store.upsert(event('a', 1));
    store.remove('a', 1);
    store.remove('a', 1);
    expect(changes.map((c) => c.kind)).toEqual(['upsert', 'remove']);
  });

  it('clear forgets events and tombstones', () => {
    const store = new EventStore();
    store.upsert(event('a', 1));
    store.remove('b', 9);
    store.clear();
    expect(store.all()).toEqual([]);
    expect(store.upsert(event('b', 1))).toBe(true);
  });
});

describe('EventStore range snapshots', () => {
  it('drops events in the range that the reload no longer lists', () => {
    const store = new EventStore();
    store.upsert(event('kept', 1));
    store.upsert(event('gone', 1));
    const mark = store.beginSnapshot();
    store.applySnapshot(marchFrom, marchTo, [event('kept', 1)], mark);
    expect(store.all().map((e) => e.id)).toEqual(['kept']);
  });

  it('leaves events outside the reloaded range alone', () => {
    const store = new EventStore();
    store.upsert(event('april', 1, { start: '2026-04-05T09:00:00.000Z', end: '2026-04-05T10:00:00.000Z' }));
    store.applySnapshot(marchFrom, marchTo, [], store.beginSnapshot());
    expect(store.get('april')).toBeDefined();
  });

  it('counts an event that starts before the range and ends inside it as in the range', () => {
    const store = new EventStore();
    store.upsert(event('spanning', 1, { start: '2026-02-27T09:00:00.000Z', end: '2026-03-02T10:00:00.000Z' }));
    store.applySnapshot(marchFrom, marchTo, [], store.beginSnapshot());
    expect(store.get('spanning')).toBeUndefined();
  });

  it('keeps an event created while the reload was in flight', () => {
    const store = new EventStore();
    const mark = store.beginSnapshot();
    store.upsert(event('fresh', 1));
    store.applySnapshot(marchFrom, marchTo, [], mark);
    expect(store.get('fresh')).toBeDefined();
  });

  it('does not bring back an older version or a deleted event from a stale reload', () => {
    const store = new EventStore();
    store.upsert(event('a', 1));
    store.upsert(event('b', 1));
    const mark = store.beginSnapshot();
    store.upsert(event('a', 2));
    store.remove('b', 1);
    store.applySnapshot(marchFrom, marchTo, [event('a', 1), event('b', 1)], mark);
    expect(store.get('a')?.version).toBe(2);
    expect(store.get('b')).toBeUndefined();
  });

  it('does not let a late upsert of a version the reload found missing come back', () => {
    const store = new EventStore();
    store.upsert(event('a', 3));
    store.applySnapshot(marchFrom, marchTo, [], store.beginSnapshot());
    expect(store.upsert(event('a', 3))).toBe(false);
    expect(store.upsert(event('a', 4))).toBe(true);
  });
});
