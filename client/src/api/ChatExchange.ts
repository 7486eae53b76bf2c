/** What GET /api/chat and POST /api/chat send and answer. */

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
    model: typeof body['model'] === 'string' ? body['model'] : '',
    maxTurns: positiveInteger(body['maxTurns']) ?? FALLBACK_MAX_TURNS,
    maxMessageLength: positiveInteger(body['maxMessageLength']) ?? FALLBACK_MAX_MESSAGE_LENGTH,
  };
}

/** Checks a chat answer; a change the client cannot read is left out rather than failing the whole answer. */
export function parseChatReply(value: unknown): ChatReply {
  const body = asRecord(value);
  const reply = body['reply'];
  if (typeof reply !== 'string') throw new InvalidChatAnswerError('The chat answered without a reply.');
  const changes = Array.isArray(body['changes']) ? body['changes'].flatMap(parseEventChange) : [];
  return { reply, changes };
}

function parseEventChange(value: unknown): EventChange[] {
  if (typeof value !== 'object' || value === null) return [];
  const change = value as Record<string, unknown>;
  const op = change['op'];
  const eventId = change['eventId'];
  if (op !== 'created' && op !== 'updated' && op !== 'deleted') return [];
  if (typeof eventId !== 'string' || eventId.length === 0) return [];
  const start = change['start'];
  const version = change['version'];
  return [{
    op,
    eventId,
    title: typeof change['title'] === 'string' ? change['title'] : '',
    start: typeof start === 'string' && !Number.isNaN(Date.parse(start)) ? new Date(start).toISOString() : null,
    version: typeof version === 'number' && Number.isFinite(version) ? version : 0,
  }];
}

function asRecord(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidChatAnswerError('The chat answered with something other than a JSON object.');
  }
  return value as Record<string, unknown>;
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}
