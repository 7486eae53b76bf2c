import { isSeries } from '../api/CalendarEvent';
import type { EventChangedMessage } from '../realtime/ChangeMessage';
import type { EventStore } from './EventStore';

export interface EventChangeHandlerActions {
  /** Loads the visible range again: a series changed, and only the API expands it into occurrences. */
  reloadVisibleRange(): void;
  /** These events left the calendar through a delete made elsewhere. */
  removed(ids: readonly string[]): void;
}

/**
 * Applies the server's `event.changed` pushes to the store. A single event or a changed occurrence (it has
 * `recurringEventId`) replaces what has its id, by version. A series (it has `recurrence`) drops its shown occurrences
 * and has the range loaded again. A delete may name a series: then its occurrences go too.
 */
export class EventChangeHandler {
  constructor(private readonly store: EventStore, private readonly actions: EventChangeHandlerActions) {}

  handle(message: EventChangedMessage): void {
    if (message.op === 'upsert') {
      if (message.event === null) return;
      const applied = this.store.upsert(message.event);
      if (applied && isSeries(message.event)) this.actions.reloadVisibleRange();
      return;
    }
    // A delete does not say what it deleted; an id that was a shown single event or occurrence is no series.
    const ids = this.store.remove(message.eventId, message.version)
      ? [message.eventId]
      : this.store.removeSeries(message.eventId, message.version);
    if (ids.length > 0) this.actions.removed(ids);
  }
}
