import { describe, expect, it } from 'vitest';
import { AuthorizedFetch } from '../../src/api/AuthorizedFetch';
import { ChatApi, recentTurns } from '../../src/api/ChatApi';
import { CHAT_UNAVAILABLE_PROBLEM_TYPE, InvalidChatAnswerError, type ChatTurn } from '../../src/api/ChatExchange';
import { ProblemError } from '../../src/api/ProblemError';
import { fixedTokens } from './FixedTokens';
import { jsonResponse, scriptedServer } from './ScriptedServer';



function chatApi(responses: Array<() => Response>) {
  const { calls, fetchFn } = scriptedServer(responses);
  return { calls, api: new ChatApi(new AuthorizedFetch('https://cal.example', fixedTokens, fetchFn)) };
}


function turns(...roles: Array<'user' | 'assistant'>): ChatTurn[] {
  return roles.map((role, i) => ({ role, content: `${role} ${i + 1}` }));
}

function limits(maxTurns: number, maxMessageLength = 2000) {
  return { maxTurns, maxMessageLength };
}

const unconfigured = {
  type: CHAT_UNAVAILABLE_PROBLEM_TYPE,
  title: 'Chat is not configured.',
  status: 503,
  detail: 'Set OPENAI_API_KEY to enable the chat.',
};

describe('ChatApi.settings', () => {
  it('reads the limits from GET /api/chat with the bearer token', async () => {
    const t = chatApi([() => jsonResponse(200, { model: 'gpt-4o-mini', maxTurns: 12, maxMessageLength: 500 })]);
    const settings = await t.api.settings();
    expect(settings).toEqual({ model: 'gpt-4o-mini', maxTurns: 12, maxMessageLength: 500 });
    expect(t.calls).toHaveLength(1);
    expect(t.calls[0]!.method).toBe('GET');
    expect(t.calls[0]!.url).toBe('https://cal.example/api/chat');
    expect(t.calls[0]!.headers.get('Authorization')).toBe('Bearer token-1');
  });

  it('falls back to the documented limits when the server leaves them out or sends nonsense', async () => {
    const t = chatApi([() => jsonResponse(200, { model: 'm', maxTurns: -3, maxMessageLength: 'long' })]);
    expect(await t.api.settings()).toEqual({ model: 'm', maxTurns: 20, maxMessageLength: 2000 });
  });

  it('turns the not-configured 503 into a ProblemError carrying its type and detail', async () => {
    const t = chatApi([() => jsonResponse(503, unconfigured)]);
    const error = await t.api.settings().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect(error).toMatchObject({ status: 503, type: CHAT_UNAVAILABLE_PROBLEM_TYPE, title: 'Chat is not configured.', detail: 'Set OPENAI_API_KEY to enable the chat.' });
  });
});

describe('ChatApi.send', () => {
  const reply = {
    reply: 'Done: lunch with Sam on Tue 1 Dec 12:00-13:00.',
    changes: [{ op: 'created', eventId: 'e1', title: 'Lunch with Sam', start: '2026-12-01T11:00:00Z', version: 1 }],
  };

  it('posts the turns oldest first with the time zone as JSON', async () => {
    const t = chatApi([() => jsonResponse(200, reply)]);
    const conversation = turns('user', 'assistant', 'user');
    await t.api.send(conversation, limits(20), 'Europe/Berlin');
    const call = t.calls[0]!;
    expect(call.method).toBe('POST');
    expect(call.url).toBe('https://cal.example/api/chat');
    expect(call.headers.get('Content-Type')).toBe('application/json');
    expect(call.headers.get('Authorization')).toBe('Bearer token-1');
    expect(JSON.parse(call.body!)).toEqual({
      messages: [
        { role: 'user', content: 'user 1' },
        { role: 'assistant', content: 'assistant 2' },
        { role: 'user', content: 'user 3' },
      ],
      timeZone: 'Europe/Berlin',
    });
  });

  it('sends no more than maxTurns turns, the newest ones', async () => {
    const t = chatApi([() => jsonResponse(200, reply)]);
    await t.api.send(turns('user', 'assistant', 'user', 'assistant', 'user'), limits(3), 'UTC');
    expect((JSON.parse(t.calls[0]!.body!) as { messages: ChatTurn[] }).messages.map((m) => m.content)).toEqual(['user 3', 'assistant 4', 'user 5']);
  });

  it('parses the reply and its changes, with starts as UTC instants', async () => {
    const t = chatApi([() => jsonResponse(200, reply)]);
    const answer = await t.api.send(turns('user'), limits(20), 'UTC');
    expect(answer).toEqual({
      reply: 'Done: lunch with Sam on Tue 1 Dec 12:00-13:00.',
      changes: [{ op: 'created', eventId: 'e1', title: 'Lunch with Sam', start: '2026-12-01T11:00:00.000Z', version: 1 }],
    });
  });

  it('leaves out changes it cannot read and keeps the rest', async () => {
    const t = chatApi([() => jsonResponse(200, {
      reply: 'ok',
      changes: [
        null,
        { op: 'renamed', eventId: 'x', title: 'x', start: '2026-12-01T11:00:00Z', version: 1 },
        { op: 'deleted', title: 'no id', version: 2 },
        { op: 'deleted', eventId: 'e2', title: 'Dentist', start: 'not a date', version: 4 },
        { op: 'updated', eventId: 'e3' },
      ],
    })]);
    const answer = await t.api.send(turns('user'), limits(20), 'UTC');
    expect(answer.changes).toEqual([
      { op: 'deleted', eventId: 'e2', title: 'Dentist', start: null, version: 4 },
      { op: 'updated', eventId: 'e3', title: '', start: null, version: 0 },
    ]);
  });

  it('rejects an answer without a reply', async () => {
    const t = chatApi([() => jsonResponse(200, { changes: [] })]);
    await expect(t.api.send(turns('user'), limits(20), 'UTC')).rejects.toBeInstanceOf(InvalidChatAnswerError);
  });

  it('reports a 429 with the seconds from Retry-After', async () => {
    const t = chatApi([() => jsonResponse(429, { title: 'Daily chat limit reached.', status: 429 }, { 'Retry-After': '3600' })]);
    const error = await t.api.send(turns('user'), limits(20), 'UTC').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect(error).toMatchObject({ status: 429, title: 'Daily chat limit reached.', retryAfterSeconds: 3600 });
  });

  it('reports a 400 with the invalid fields', async () => {
    const t = chatApi([() => jsonResponse(400, {
      title: 'The chat request is not valid.', status: 400,
      errors: [{ field: 'messages[0].content', message: 'A message may have at most 2000 characters.' }],
    })]);
    const error = (await t.api.send(turns('user'), limits(20), 'UTC').catch((e: unknown) => e)) as ProblemError;
    expect(error.status).toBe(400);
    expect(error.errors).toEqual([{ field: 'messages[0].content', message: 'A message may have at most 2000 characters.' }]);
  });
});

describe('recentTurns', () => {
  it('never sends back a blank assistant turn (an empty answer from an older server)', () => {
    const conversation: ChatTurn[] = [
      { role: 'user', content: 'Write something rude' },
      { role: 'assistant', content: '' },
      { role: 'user', content: 'What is on today?' },
    ];
    expect(recentTurns(conversation, limits(20))).toEqual([
      { role: 'user', content: 'Write something rude' },
      { role: 'user', content: 'What is on today?' },
    ]);
  });

  it('cuts an over-long answer between characters, never inside an emoji or before a combining mark', () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    const accented = 'e\u0301';
    const conversation: ChatTurn[] = [
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: `ab${family}${accented}cd` },
      { role: 'user', content: 'Thanks' },
    ];
    for (let limit = 3; limit <= 12; limit++) {
      const sent = recentTurns(conversation, limits(20, limit))[1]!.content;
      expect(sent.length).toBeLessThanOrEqual(limit);
      expect(sent).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      const kept = sent.slice(0, -1);
      expect([`ab`, `ab${family}`, `ab${family}${accented}`, `ab${family}${accented}c`]).toContain(kept);
    }
  });

  it('keeps a conversation that fits as it is', () => {
    const conversation = turns('user', 'assistant', 'user');
    expect(recentTurns(conversation, limits(20))).toEqual(conversation);
  });

  it('never starts with an answer whose question was cut off', () => {
    // The last 4 turns start with an assistant answer; it goes too, leaving 3.
    const trimmed = recentTurns(turns('user', 'assistant', 'user', 'assistant', 'user', 'assistant', 'user'), limits(4));
    expect(trimmed.map((t) => t.content)).toEqual(['user 5', 'assistant 6', 'user 7']);
  });

  it('always keeps the new message, even with a limit below one', () => {
    expect(recentTurns(turns('user', 'assistant', 'user'), limits(0))).toEqual([{ role: 'user', content: 'user 3' }]);
  });

  it('sends only role and content', () => {
    const withExtras = [{ role: 'user' as const, content: 'hi', id: 7, changes: [] }];
    expect(recentTurns(withExtras, limits(5))).toEqual([{ role: 'user', content: 'hi' }]);
  });

  it('shortens an earlier answer that is over the message limit', () => {
    const conversation: ChatTurn[] = [
      { role: 'user', content: 'List everything' },
      { role: 'assistant', content: 'a'.repeat(30) },
      { role: 'user', content: 'Thanks' },
    ];
    const sent = recentTurns(conversation, limits(20, 10));
    expect(sent[1]).toEqual({ role: 'assistant', content: `${'a'.repeat(9)}…` });
    expect(sent[1]!.content).toHaveLength(10);
    expect(sent[0]!.content).toBe('List everything'.slice(0, 9) + '…');
    expect(sent[2]!.content).toBe('Thanks');
  });
});
