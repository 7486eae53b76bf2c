import { isSeries, type CalendarEvent } from '../api/CalendarEvent';

export type StoreChange =
  | { readonly kind: 'upsert'; readonly event: CalendarEvent }
  | { readonly kind: 'remove'; readonly id: string }
  | { readonly kind: 'clear' };

/** Marks when a range reload began, so changes that arrive while it is in flight are not undone by it. */
export interface SnapshotMark {
  readonly tick: number;
}

type Entry =
  | { readonly live: true; readonly event: CalendarEvent; readonly tick: number }
  | { readonly live: false; readonly version: number; readonly tick: number };

/**
 * The tab's copy of the user's events, keyed by id, where versions decide: an older version never
 * replaces a newer one, and a delete leaves a tombstone at its version so that a late upsert of that
 * version or an older one cannot bring the event back. Changes may arrive in any order and more than
 * once (HTTP answers, socket messages, range reloads); the result is the same.
 *
 * Series are not drawn, only their occurrences (each carrying the series' version, as the API lists them). A series
 * change or delete at version v makes every occurrence of it below v (below v + 1 for a delete) out of date: those
 * shown are dropped, and those still on their way are refused, so a deleted series' occurrences never come back.
 */
export class EventStore {
  private readonly entries = new Map<string, Entry>();
  /** Per series id: the lowest version an occurrence of it may have and still be current. */
  private readonly occurrenceFloors = new Map<string, number>();
  /** Per series id: the ids of its live occurrences. */
  private readonly occurrenceIds = new Map<string, Set<string>>();
  private readonly listeners = new Set<(change: StoreChange) => void>();
  private tick = 0;

  get(id: string): CalendarEvent | undefined {
    const entry = this.entries.get(id);
    return entry?.live ? entry.event : undefined;
  }

  all(): CalendarEvent[] {
    const events: CalendarEvent[] = [];
    for (const entry of this.entries.values()) {
      if (entry.live) events.push(entry.event);
    }
    return events;
  }

  /**
   * Applies an event if it is newer than what the store knows about that id; true when applied. A series is not
   * stored: it goes to `seriesChanged`, and true means its occurrences must be loaded again.
   */
  upsert(event: CalendarEvent): boolean {
    if (isSeries(event)) return this.seriesChanged(event.id, event.version);
    if (event.recurringEventId !== null && event.version < this.floorOf(event.recurringEventId)) return false;
    const known = this.entries.get(event.id);
    if (known !== undefined && knownVersion(known) >= event.version) return false;
    this.put(event.id, { live: true, event, tick: ++this.tick });
    this.emit({ kind: 'upsert', event });
    // A series that stopped repeating is a single event now: what was expanded from its rule is gone.
    if (event.recurringEventId === null && this.occurrenceIds.has(event.id)) this.dropOccurrences(event.id, event.version);
    return true;
  }

  /**
   * Records that the event is deleted as of `version`. A live copy newer than that survives (the
   * delete is older news); a tombstone only ever moves to a higher version. True when the event was
   * visible and is now removed.
   */
  remove(id: string, version: number): boolean {
    const known = this.entries.get(id);
    if (known !== undefined && knownVersion(known) > version) return false;
    if (known !== undefined && !known.live && known.version === version) return false;
    this.put(id, { live: false, version, tick: ++this.tick });
    if (known?.live) {
      this.emit({ kind: 'remove', id });
      return true;
    }
    return false;
  }

  /**
   * The series changed at `version`: its occurrences below that version are dropped, and refused from now on. True
   * when the store has to load them again: the series is newer than any occurrence it holds, or some were dropped.
   */
  seriesChanged(seriesId: string, version: number): boolean {
    if (version < this.floorOf(seriesId)) return false;
    const newest = Math.max(this.floorOf(seriesId), ...this.occurrencesOf(seriesId).map((event) => event.version));
    // A single event that was given a rule is now the series, which is never drawn itself.
    const becameSeries = this.get(seriesId) !== undefined && this.remove(seriesId, version);
    const dropped = this.dropOccurrences(seriesId, version);
    return version > newest || dropped > 0 || becameSeries;
  }

  /**
   * The series is deleted as of `version`: every occurrence of it shown is removed and none can arrive again. Returns
   * the ids of the occurrences that were visible.
   */
  removeSeries(seriesId: string, version: number): string[] {
    this.occurrenceFloors.set(seriesId, Math.max(this.floorOf(seriesId), version + 1));
    const removed: string[] = [];
    for (const event of this.occurrencesOf(seriesId)) {
      if (this.remove(event.id, Math.max(event.version, version))) removed.push(event.id);
    }
    return removed;
  }

  beginSnapshot(): SnapshotMark {
    return { tick: this.tick };
  }

  /**
   * Applies a reload of [from, to): every listed event by the usual version rule, and every live event
   * in that range that the server no longer lists is dropped, unless it changed after the reload began
   * (then it is newer than the snapshot and the snapshot cannot speak for it).
   */
  applySnapshot(from: Date, to: Date, events: readonly CalendarEvent[], mark: SnapshotMark): void {
    const listed = new Set<string>();
    for (const event of events) {
      listed.add(event.id);
      this.upsert(event);
    }
    const fromMs = from.getTime();
    const toMs = to.getTime();
    for (const [id, entry] of [...this.entries]) {
      if (!entry.live || listed.has(id) || entry.tick > mark.tick) continue;
      if (overlaps(entry.event, fromMs, toMs)) {
        this.remove(id, entry.event.version);
      }
    }
  }

  /** Forgets everything, tombstones included (sign-out). */
  clear(): void {
    this.entries.clear();
    this.occurrenceFloors.clear();
    this.occurrenceIds.clear();
    this.emit({ kind: 'clear' });
  }

  subscribe(listener: (change: StoreChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private floorOf(seriesId: string): number {
    return this.occurrenceFloors.get(seriesId) ?? 0;
  }

  private occurrencesOf(seriesId: string): CalendarEvent[] {
    return [...(this.occurrenceIds.get(seriesId) ?? [])].flatMap((id) => this.get(id) ?? []);
  }

  /** Occurrences of the series below `version` are out of date: drops them and refuses them from now on; how many went. */
  private dropOccurrences(seriesId: string, version: number): number {
    this.occurrenceFloors.set(seriesId, Math.max(this.floorOf(seriesId), version));
    let dropped = 0;
    for (const event of this.occurrencesOf(seriesId)) {
      if (event.version < version && this.remove(event.id, event.version)) dropped++;
    }
    return dropped;
  }

  /** Sets an entry, keeping the index of live occurrences per series in step. */
  private put(id: string, entry: Entry): void {
    const before = this.entries.get(id);
    if (before?.live && before.event.recurringEventId !== null) {
      const ids = this.occurrenceIds.get(before.event.recurringEventId);
      ids?.delete(id);
      if (ids?.size === 0) this.occurrenceIds.delete(before.event.recurringEventId);
    }
    this.entries.set(id, entry);
    if (entry.live && entry.event.recurringEventId !== null) {
      const ids = this.occurrenceIds.get(entry.event.recurringEventId) ?? new Set<string>();
      ids.add(id);
      this.occurrenceIds.set(entry.event.recurringEventId, ids);
    }
  }

  private emit(change: StoreChange): void {
    for (const listener of [...this.listeners]) listener(change);
  }
}

function knownVersion(entry: Entry): number {
  return entry.live ? entry.event.version : entry.version;
}

function overlaps(event: CalendarEvent, fromMs: number, toMs: number): boolean {
  const start = Date.parse(event.start);
  const end = Date.parse(event.end);
  // A zero-length event at `from` still belongs to the range.
  return start < toMs && (end > fromMs || start >= fromMs);
}
