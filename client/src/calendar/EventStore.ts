import type { CalendarEvent } from '../api/CalendarEvent';

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
 */
export class EventStore {
  private readonly entries = new Map<string, Entry>();
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

  /** Applies an event if it is newer than what the store knows about that id; true when applied. */
  upsert(event: CalendarEvent): boolean {
    const known = this.entries.get(event.id);
    if (known !== undefined && knownVersion(known) >= event.version) return false;
    this.entries.set(event.id, { live: true, event, tick: ++this.tick });
    this.emit({ kind: 'upsert', event });
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
    this.entries.set(id, { live: false, version, tick: ++this.tick });
    if (known?.live) {
      this.emit({ kind: 'remove', id });
      return true;
    }
    return false;
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
    this.emit({ kind: 'clear' });
  }

  subscribe(listener: (change: StoreChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
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
