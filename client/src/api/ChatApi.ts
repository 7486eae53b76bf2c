import type { AuthorizedFetch } from './AuthorizedFetch';
import { parseChatReply, parseChatSettings, type ChatReply, type ChatSettings, type ChatTurn } from './ChatExchange';

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
  async send(conversation: readonly ChatTurn[], maxTurns: number, timeZone: string, signal?: AbortSignal): Promise<ChatReply> {
    const body = JSON.stringify({ messages: recentTurns(conversation, maxTurns), timeZone });
    const init: RequestInit = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body };
    if (signal) init.signal = signal;
    const response = await this.http.send('/api/chat', init);
    return parseChatReply(await response.json());
  }
}

/**
 * The last `maxTurns` turns, starting at a user turn: an assistant answer whose question was cut off
 * would leave the model reading a reply to nothing, so it is dropped too.
 */
export function recentTurns(conversation: readonly ChatTurn[], maxTurns: number): ChatTurn[] {
  const recent = conversation.slice(Math.max(0, conversation.length - Math.max(1, maxTurns)));
  const firstUser = recent.findIndex((turn) => turn.role === 'user');
  return firstUser < 0 ? [] : recent.slice(firstUser).map((turn) => ({ role: turn.role, content: turn.content }));
}
