/** What GET /api/chat and POST /api/chat send and answer. */

import { jsonObjectOrNull, nonEmptyStringField, numberField, stringField, type JsonObject } from '../json/JsonObject';

/** Problem type of the 503 that says the server has no chat model configured. */
export const CHAT_UNAVAILABLE_PROBLEM_TYPE = '/problems/chat-unavailable';

export type ChatRole = 'user' | 'assistant';

/** One message of the conversation as the server reads it. */
export interface ChatTurn {
  readonly role: ChatRole;
  readonly content: string;
}

/** The limits the server announces for a configured chat. */
export interface ChatSettings {
  readonly model: string;
  /** How many turns, at most, one request may carry. */
  readonly maxTurns: number;
  /** Longest message, in characters, the server accepts. */
  readonly maxMessageLength: number;
}

export type EventChangeOp = 'created' | 'updated' | 'deleted';

/** One event the chat wrote while answering. */
export interface EventChange {
  readonly op: EventChangeOp;
  readonly eventId: string;
  readonly title: string;
  /** ISO-8601 instant, or null when the server did not say. */
  readonly start: string | null;
  readonly version: number;
}

export interface ChatReply {
  readonly reply: string;
  readonly changes: readonly EventChange[];
}

export class InvalidChatAnswerError extends Error {
  override readonly name = 'InvalidChatAnswerError';
}

// Used when the server leaves a limit out: the values the server documents as its defaults.
const FALLBACK_MAX_TURNS = 20;
const FALLBACK_MAX_MESSAGE_LENGTH = 2000;

export function parseChatSettings(value: unknown): ChatSettings {
  const body = asRecord(value);
  return {
    model: stringField(body, 'model') ?? '',
    maxTurns: positiveInteger(body['maxTurns']) ?? FALLBACK_MAX_TURNS,
    maxMessageLength: positiveInteger(body['maxMessageLength']) ?? FALLBACK_MAX_MESSAGE_LENGTH,
  };
}

/** Checks a chat answer; a change the client cannot read is left out rather than failing the whole answer. */
export function parseChatReply(value: unknown): ChatReply {
  const body = asRecord(value);
  const reply = stringField(body, 'reply');
  if (reply === undefined) throw new InvalidChatAnswerError('The chat answered without a reply.');
  const changes = Array.isArray(body['changes']) ? body['changes'].flatMap(parseEventChange) : [];
  return { reply, changes };
}

function parseEventChange(value: unknown): EventChange[] {
  const change = jsonObjectOrNull(value);
  if (change === null) return [];
  const op = change['op'];
  const eventId = nonEmptyStringField(change, 'eventId');
  if (op !== 'created' && op !== 'updated' && op !== 'deleted') return [];
  if (eventId === undefined) return [];
  const start = stringField(change, 'start');
  return [{
    op,
    eventId,
    title: stringField(change, 'title') ?? '',
    start: start !== undefined && !Number.isNaN(Date.parse(start)) ? new Date(start).toISOString() : null,
    version: numberField(change, 'version') ?? 0,
  }];
}

function asRecord(value: unknown): JsonObject {
  const object = jsonObjectOrNull(value);
  if (object === null) throw new InvalidChatAnswerError('The chat answered with something other than a JSON object.');
  return object;
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}
