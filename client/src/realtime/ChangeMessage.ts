import { parseCalendarEvent, type CalendarEvent } from '../api/CalendarEvent';
import { jsonObjectOrNull, numberField, parseJsonOrUndefined, stringField, type JsonObject } from '../json/JsonObject';
import {
  parseReminderDismissedFrame, parseReminderFrame, parseReminderSnoozedFrame,
  type ReminderDismissedMessage, type ReminderMessage, type ReminderSnoozedMessage,
} from './ReminderMessage';

/** The server announces that one event was written or deleted; `version` orders changes per event. */
export interface EventChangedMessage {
  readonly type: 'event.changed';
  readonly op: 'upsert' | 'delete';
  readonly eventId: string;
  readonly version: number;
  /** The event after an upsert; null for a delete. */
  readonly event: CalendarEvent | null;
  readonly seq: number | null;
  readonly at: string | null;
}

export interface PongMessage {
  readonly type: 'pong';
}

export interface ServerErrorMessage {
  readonly type: 'error';
  readonly code: string;
  readonly message: string;
}

export type ServerMessage =
  | EventChangedMessage | ReminderMessage | ReminderDismissedMessage | ReminderSnoozedMessage | PongMessage | ServerErrorMessage;

/** The only frame a client sends: keeps the socket from hitting the 10-minute idle timeout. */
export const PING_FRAME = JSON.stringify({ action: 'ping' });

/** Parses one text frame; null for anything this client does not understand (ignored, not fatal). */
export function parseServerMessage(data: string): ServerMessage | null {
  const frame = jsonObjectOrNull(parseJsonOrUndefined(data));
  if (frame === null) return null;
  switch (frame['type']) {
    case 'pong':
      return { type: 'pong' };
    case 'error':
      return {
        type: 'error',
        code: stringField(frame, 'code') ?? 'unknown',
        message: stringField(frame, 'message') ?? '',
      };
    case 'event.changed':
      return parseEventChanged(frame);
    case 'reminder':
      return parseReminderFrame(frame);
    case 'reminder.dismissed':
      return parseReminderDismissedFrame(frame);
    case 'reminder.snoozed':
      return parseReminderSnoozedFrame(frame);
    default:
      return null;
  }
}

function parseEventChanged(frame: JsonObject): EventChangedMessage | null {
  const op = frame['op'];
  const eventId = frame['eventId'];
  const version = frame['version'];
  if ((op !== 'upsert' && op !== 'delete') || typeof eventId !== 'string' || typeof version !== 'number') return null;
  let event: CalendarEvent | null = null;
  if (op === 'upsert') {
    try {
      event = parseCalendarEvent(frame['event']);
    } catch {
      return null;
    }
    if (event.id !== eventId) return null;
  }
  return {
    type: 'event.changed',
    op,
    eventId,
    version,
    event,
    seq: numberField(frame, 'seq') ?? null,
    at: stringField(frame, 'at') ?? null,
  };
}
