import type { AuthorizedFetch } from './AuthorizedFetch';
import { jsonRequest } from './JsonRequest';
import { parseChatReply, parseChatSettings, type ChatReply, type ChatSettings, type ChatTurn } from './ChatExchange';

/** The server limits a request must keep to. */
export type ChatLimits = Pick<ChatSettings, 'maxTurns' | 'maxMessageLength'>;

/**
 * The chat endpoint: /api/chat. The server keeps no conversation, so every request carries the recent
 * turns; failures arrive as ProblemError (503 with CHAT_UNAVAILABLE_PROBLEM_TYPE when no model is configured).
 */
export class ChatApi {
  constructor(private readonly http: AuthorizedFetch) {}

  /** The server's limits; throws ProblemError 503 when the chat is not configured. */
  async settings(signal?: AbortSignal): Promise<ChatSettings> {
    const response = await this.http.send('/api/chat', signal ? { signal } : {});
    return parseChatSettings(await response.json());
  }

  /**
   * Sends the conversation (oldest first, ending with the user's new message) trimmed to what the
   * server takes, with the IANA zone relative dates like "tomorrow" are meant in.
   */
  async send(conversation: readonly ChatTurn[], limits: ChatLimits, timeZone: string, signal?: AbortSignal): Promise<ChatReply> {
    const init = jsonRequest('POST', { messages: recentTurns(conversation, limits), timeZone });
    if (signal) init.signal = signal;
    const response = await this.http.send('/api/chat', init);
    return parseChatReply(await response.json());
  }
}

/**
 * The last `maxTurns` turns, starting at a user turn: an assistant answer whose question was cut off
 * would leave the model reading a reply to nothing, so it is dropped too. A turn over `maxMessageLength`
 * (only an earlier answer can be: the user's text is checked before sending) is shortened, so that one
 * long answer does not make every later request invalid.
 */
export function recentTurns(conversation: readonly ChatTurn[], limits: ChatLimits): ChatTurn[] {
  // A blank assistant turn says nothing and the server has refused one before: never send it back.
  const spoken = conversation.filter((turn) => turn.role !== 'assistant' || turn.content.trim().length > 0);
  const recent = spoken.slice(Math.max(0, spoken.length - Math.max(1, limits.maxTurns)));
  const firstUser = recent.findIndex((turn) => turn.role === 'user');
  if (firstUser < 0) return [];
  return recent.slice(firstUser).map((turn) => ({ role: turn.role, content: shortened(turn.content, limits.maxMessageLength) }));
}

/**
 * Cut on a character boundary (whole grapheme clusters, as `Intl.Segmenter` reads them): a cut inside a surrogate
 * pair or an emoji sequence would send text the server refuses as invalid Unicode. Lengths are UTF-16 units, as the
 * server counts them.
 */
export function shortened(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const room = Math.max(0, maxLength - 1);
  let end = 0;
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
    if (end + segment.length > room) break;
    end += segment.length;
  }
  return `${text.slice(0, end)}…`;
}
