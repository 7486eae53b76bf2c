import { jsonObjectOrNull, nonEmptyStringField, stringField } from '../json/JsonObject';
import { parseEventReminders, type EventReminders } from './EventReminders';

/** An event as the HTTP API and the real-time messages send it; instants are ISO-8601 UTC strings. */
export interface CalendarEvent {
  readonly id: string;
  readonly title: string;
  readonly start: string;
  readonly end: string;
  readonly allDay: boolean;
  /** IANA zone the event was written in, e.g. "Europe/Berlin". */
  readonly timeZone: string;
  readonly description: string | null;
  readonly location: string | null;
  readonly version: number;
  readonly updatedAt: string;
  readonly source: string;
  /** Google Calendar's `eventType`: "default" for ordinary events; "outOfOffice", "focusTime", "birthday", "fromGmail". */
  readonly eventType: string;
  /** True for Google status entries and the like: the server refuses edits and deletes (409), so none are offered. */
  readonly readOnly: boolean;
  /** A series' RFC 5545 lines (`RRULE:…`, `EXDATE…`), as Google Calendar API v3 has them; null on anything else. */
  readonly recurrence: readonly string[] | null;
  /** On an occurrence of a series (expanded or a changed one): the series' id; else null. */
  readonly recurringEventId: string | null;
  /** On an occurrence: the start the series' rule gives it (ISO-8601 UTC), however it was moved since; else null. */
  readonly originalStartTime: string | null;
  /** Google Calendar's shape: the user's defaults (`useDefault`) or the event's own popup reminders. */
  readonly reminders: EventReminders;
}

/** What the client sends to create or replace an event. */
export interface EventDraft {
  readonly title: string;
  /** ISO-8601 with offset; all-day events run midnight to midnight UTC. */
  readonly start: string;
  readonly end: string;
  readonly allDay: boolean;
  readonly timeZone: string;
  readonly description?: string;
  readonly location?: string;
  /**
   * RFC 5545 lines: on create or on a single event, makes it a series; with scope following or all, the new rule
   * (absent keeps the series' rule). Never with scope this.
   */
  readonly recurrence?: readonly string[];
  /** Left out when the defaults apply (the API reads an absent `reminders` as `useDefault: true`). */
  readonly reminders?: EventReminders;
}

export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';
}

/** Checks an event that came over the wire before anything renders it. */
export function parseCalendarEvent(value: unknown): CalendarEvent {
  const e = jsonObjectOrNull(value);
  if (e === null) throw new InvalidEventError('An event must be an object.');
  const id = nonEmptyStringField(e, 'id');
  const version = e['version'];
  if (id === undefined) throw new InvalidEventError('An event needs an id.');
  if (typeof version !== 'number' || !Number.isFinite(version)) throw new InvalidEventError(`Event ${id} has no numeric version.`);
  return {
    id,
    title: stringField(e, 'title') ?? '',
    start: instant(e['start'], id, 'start'),
    end: instant(e['end'], id, 'end'),
    allDay: e['allDay'] === true,
    timeZone: nonEmptyStringField(e, 'timeZone') ?? 'UTC',
    description: stringField(e, 'description') ?? null,
    location: stringField(e, 'location') ?? null,
    version,
    updatedAt: stringField(e, 'updatedAt') ?? '',
    source: stringField(e, 'source') ?? '',
    eventType: nonEmptyStringField(e, 'eventType') ?? 'default',
    readOnly: e['readOnly'] === true,
    recurrence: recurrenceOf(e['recurrence'], id),
    recurringEventId: nonEmptyStringField(e, 'recurringEventId') ?? null,
    originalStartTime: e['originalStartTime'] === undefined || e['originalStartTime'] === null ? null : instant(e['originalStartTime'], id, 'originalStartTime'),
    reminders: parseEventReminders(e['reminders']),
  };
}

/** True for a series (the item that holds the rule), which the calendar never draws itself: it draws its occurrences. */
export function isSeries(event: CalendarEvent): boolean {
  return event.recurrence !== null;
}

function recurrenceOf(value: unknown, id: string): readonly string[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || !value.every((line): line is string => typeof line === 'string')) {
    throw new InvalidEventError(`Event ${id} has a recurrence that is not a list of lines.`);
  }
  return value;
}

function instant(value: unknown, id: string, field: string): string {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
    throw new InvalidEventError(`Event ${id} has no valid ${field}.`);
  }
  return new Date(value).toISOString();
}
