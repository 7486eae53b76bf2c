import { nonEmptyStringField, numberField, type JsonObject } from '../json/JsonObject';

/**
 * A reminder is due: `{"type":"reminder",…}` on every socket of the owner. `reminderId` is the same on every delivery
 * of one reminder of one occurrence, so a retried delivery is recognised; a snoozed reminder arrives again later.
 */
export interface ReminderMessage {
  readonly type: 'reminder';
  readonly reminderId: string;
  /** The event, or the occurrence (`{seriesId}_{originalStart}`) of a series. */
  readonly eventId: string;
  /** The start of the occurrence reminded of, ISO-8601 UTC. */
  readonly occurrenceStart: string;
  readonly title: string;
  /** The event's start, ISO-8601 UTC. */
  readonly start: string;
  readonly minutesBefore: number;
}

/** A reminder was dismissed (in any tab, or on another device): no tab shows it any more, and it never comes again. */
export interface ReminderDismissedMessage {
  readonly type: 'reminder.dismissed';
  readonly reminderId: string;
}

/** A reminder was snoozed in some tab: every tab puts it away; it comes back as a `reminder` frame at `snoozedUntil`. */
export interface ReminderSnoozedMessage {
  readonly type: 'reminder.snoozed';
  readonly reminderId: string;
  /** ISO-8601 UTC; null when the server did not say. */
  readonly snoozedUntil: string | null;
}

/** The `reminder` frame's fields checked; null when one is missing or of the wrong kind. */
export function parseReminderFrame(frame: JsonObject): ReminderMessage | null {
  const reminderId = nonEmptyStringField(frame, 'reminderId');
  const eventId = nonEmptyStringField(frame, 'eventId');
  const occurrenceStart = instantField(frame, 'occurrenceStart');
  const start = instantField(frame, 'start') ?? occurrenceStart;
  const minutesBefore = numberField(frame, 'minutesBefore');
  const title = frame['title'];
  if (reminderId === undefined || eventId === undefined || occurrenceStart === undefined || start === undefined) return null;
  if (minutesBefore === undefined || typeof title !== 'string') return null;
  return { type: 'reminder', reminderId, eventId, occurrenceStart, title, start, minutesBefore };
}

/** The `reminder.dismissed` frame's id checked; null without one. */
export function parseReminderDismissedFrame(frame: JsonObject): ReminderDismissedMessage | null {
  const reminderId = nonEmptyStringField(frame, 'reminderId');
  return reminderId === undefined ? null : { type: 'reminder.dismissed', reminderId };
}

/** The `reminder.snoozed` frame's id (and when it comes back) checked; null without an id. */
export function parseReminderSnoozedFrame(frame: JsonObject): ReminderSnoozedMessage | null {
  const reminderId = nonEmptyStringField(frame, 'reminderId');
  return reminderId === undefined ? null : { type: 'reminder.snoozed', reminderId, snoozedUntil: instantField(frame, 'snoozedUntil') ?? null };
}

function instantField(frame: JsonObject, name: string): string | undefined {
  const value = frame[name];
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) return undefined;
  return new Date(value).toISOString();
}
