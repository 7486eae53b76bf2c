import { describe, expect, it } from 'vitest';
import { AuthorizedFetch } from '../../src/api/AuthorizedFetch';
import { ChatApi } from '../../src/api/ChatApi';
import { CHAT_UNAVAILABLE_PROBLEM_TYPE, type ChatTurn } from '../../src/api/ChatExchange';
import { ChatPanelState, type ChatPanelSnapshot } from '../../src/chat/ChatPanelState';
import { fixedTokens } from '../api/FixedTokens';
import { jsonResponse } from '../api/ScriptedServer';


interface Request {
  method: string;
  body: { messages: ChatTurn[]; timeZone: string } | null;
  answer(response: Response): void;
  fail(error: Error): void;
}

/** A chat server whose answers the test gives one request at a time, so it can look at the panel while one waits. */
function chatServer() {
  const requests: Request[] = [];
  const unclaimed: Request[] = [];
  const waiting: Array<(request: Request) => void> = [];
  const fetchFn = (_input: string, init?: RequestInit): Promise<Response> =>
    new Promise((resolve, reject) => {
      const request: Request = {
        method: init?.method ?? 'GET',
        body: typeof init?.body === 'string' ? (JSON.parse(init.body) as Request['body']) : null,
        answer: resolve,
        fail: reject,
      };
      requests.push(request);
      const claim = waiting.shift();
      if (claim === undefined) unclaimed.push(request);
      else claim(request);
    });
  return {
    requests,
    api: new ChatApi(new AuthorizedFetch('', fixedTokens, fetchFn)),
    /** The oldest request the test has not answered yet, once the client has made it. */
    next(): Promise<Request> {
      const made = unclaimed.shift();
      return made !== undefined ? Promise.resolve(made) : new Promise((resolve) => waiting.push(resolve));
    },
  };
}


const settings = { model: 'gpt-4o-mini', maxTurns: 20, maxMessageLength: 50 };
const NOW = new Date('2026-11-26T10:00:00Z');

/** A panel state whose GET /api/chat got `settings`, so it is ready to send. */
async function availableChat(overrides: Partial<typeof settings> = {}) {
  const server = chatServer();
  const state = new ChatPanelState({ api: server.api, timeZone: 'Europe/Berlin', now: () => NOW, locale: 'en-GB' });
  const snapshots: ChatPanelSnapshot[] = [];
  state.subscribe((s) => snapshots.push(s));
  const checked = state.checkAvailability();
  (await server.next()).answer(jsonResponse(200, { ...settings, ...overrides }));
  await checked;
  return { server, state, snapshots };
}

/** Types `text`, sends it, and answers the request with `response`; resolves when the state has taken the answer. */
async function exchange(chat: Awaited<ReturnType<typeof availableChat>>, text: string, response: Response): Promise<Request> {
  chat.state.updateDraft(text);
  const sent = chat.state.send();
  const request = await chat.server.next();
  request.answer(response);
  await sent;
  return request;
}

describe('ChatPanelState availability', () => {
  it('is checking until GET /api/chat answers, and cannot send meanwhile', async () => {
    const server = chatServer();
    const state = new ChatPanelState({ api: server.api, timeZone: 'UTC' });
    const checked = state.checkAvailability();
    state.updateDraft('hello');
    expect(state.snapshot.availability).toEqual({ kind: 'checking' });
    expect(state.snapshot.canSend).toBe(false);
    (await server.next()).answer(jsonResponse(200, settings));
    await checked;
    expect(state.snapshot.availability).toEqual({ kind: 'available', settings });
    expect(state.snapshot.canSend).toBe(true);
  });

  it('shows the detail of the not-configured 503 and offers no retry', async () => {
    const server = chatServer();
    const state = new ChatPanelState({ api: server.api, timeZone: 'UTC' });
    const checked = state.checkAvailability();
    (await server.next()).answer(jsonResponse(503, {
      type: CHAT_UNAVAILABLE_PROBLEM_TYPE, title: 'Chat is not configured.', status: 503, detail: 'Set OPENAI_API_KEY to enable the chat.',
    }));
    await checked;
    expect(state.snapshot.availability).toEqual({ kind: 'unavailable', message: 'Set OPENAI_API_KEY to enable the chat.', canRetry: false });
    state.updateDraft('hello');
    expect(state.snapshot.canSend).toBe(false);
  });

  it('offers a retry when the check failed for another reason, and a retry can succeed', async () => {
    const server = chatServer();
    const state = new ChatPanelState({ api: server.api, timeZone: 'UTC' });
    const first = state.checkAvailability();
    (await server.next()).fail(new TypeError('Failed to fetch'));
    await first;
    const availability = state.snapshot.availability;
    expect(availability.kind).toBe('unavailable');
    expect(availability.kind === 'unavailable' && availability.canRetry).toBe(true);
    expect(availability.kind === 'unavailable' && availability.message).toMatch(/^Chat could not be loaded: Cannot reach the server\./);

    const second = state.checkAvailability();
    (await server.next()).answer(jsonResponse(200, settings));
    await second;
    expect(state.snapshot.availability.kind).toBe('available');
  });

  it('asks once when checked twice at the same time', async () => {
    const server = chatServer();
    const state = new ChatPanelState({ api: server.api, timeZone: 'UTC' });
    const both = Promise.all([state.checkAvailability(), state.checkAvailability()]);
    (await server.next()).answer(jsonResponse(200, settings));
    await both;
    expect(server.requests).toHaveLength(1);
  });
});

describe('ChatPanelState sending', () => {
  it('shows the message as pending while the answer is awaited, then adds both turns with the changes', async () => {
    const chat = await availableChat();
    chat.state.updateDraft('  Lunch with Sam next Tuesday at noon \n');
    const sent = chat.state.send();
    const request = await chat.server.next();

    expect(request.method).toBe('POST');
    expect(request.body).toEqual({ messages: [{ role: 'user', content: 'Lunch with Sam next Tuesday at noon' }], timeZone: 'Europe/Berlin' });
    const waiting = chat.state.snapshot;
    expect(waiting.pending).toMatchObject({ role: 'user', content: 'Lunch with Sam next Tuesday at noon' });
    expect(waiting.messages).toEqual([]);
    expect(waiting.canSend).toBe(false);
    expect(waiting.draft).toBe('  Lunch with Sam next Tuesday at noon \n');

    const change = { op: 'created', eventId: 'e1', title: 'Lunch with Sam', start: '2026-12-01T11:00:00.000Z', version: 1 };
    request.answer(jsonResponse(200, { reply: 'Done: lunch with Sam on Tue 1 Dec 12:00-13:00.', changes: [change] }));
    await sent;

    const done = chat.state.snapshot;
    expect(done.pending).toBeNull();
    expect(done.draft).toBe('');
    expect(done.error).toBeNull();
    expect(done.messages.map((m) => [m.role, m.content, m.changes])).toEqual([
      ['user', 'Lunch with Sam next Tuesday at noon', []],
      ['assistant', 'Done: lunch with Sam on Tue 1 Dec 12:00-13:00.', [change]],
    ]);
    expect(new Set(done.messages.map((m) => m.id)).size).toBe(2);
  });

  it('tells its listeners about the pending state and about the answer', async () => {
    const chat = await availableChat();
    chat.snapshots.length = 0;
    await exchange(chat, 'hi', jsonResponse(200, { reply: 'Hello!', changes: [] }));
    expect(chat.snapshots.map((s) => [s.pending?.content ?? null, s.messages.length])).toEqual([
      [null, 0], // the draft typed
      ['hi', 0],
      [null, 2],
    ]);
  });

  it('sends the earlier turns with the new message', async () => {
    const chat = await availableChat();
    await exchange(chat, 'What do I have tomorrow?', jsonResponse(200, { reply: 'Nothing.', changes: [] }));
    const second = await exchange(chat, 'Add a dentist appointment at 9', jsonResponse(200, { reply: 'Added.', changes: [] }));
    expect(second.body!.messages).toEqual([
      { role: 'user', content: 'What do I have tomorrow?' },
      { role: 'assistant', content: 'Nothing.' },
      { role: 'user', content: 'Add a dentist appointment at 9' },
    ]);
  });

  it('sends only the last maxTurns turns of a long conversation but keeps all of it on screen', async () => {
    const chat = await availableChat({ maxTurns: 3 });
    for (const n of [1, 2]) await exchange(chat, `question ${n}`, jsonResponse(200, { reply: `answer ${n}`, changes: [] }));
    const third = await exchange(chat, 'question 3', jsonResponse(200, { reply: 'answer 3', changes: [] }));
    expect(third.body!.messages.map((m) => m.content)).toEqual(['question 2', 'answer 2', 'question 3']);
    expect(chat.state.snapshot.messages).toHaveLength(6);
  });

  it('keeps the typed text and leaves the conversation as it was when the server cannot be reached', async () => {
    const chat = await availableChat();
    chat.state.updateDraft('Move my dentist appointment to Friday');
    const sent = chat.state.send();
    (await chat.server.next()).fail(new TypeError('Failed to fetch'));
    await sent;
    const after = chat.state.snapshot;
    expect(after.draft).toBe('Move my dentist appointment to Friday');
    expect(after.messages).toEqual([]);
    expect(after.pending).toBeNull();
    expect(after.error).toMatchObject({ kind: 'network', retryAt: null });
    expect(after.error!.message).toMatch(/^Cannot reach the server\. Check your connection/);
    expect(after.canSend).toBe(true);
  });

  it('says when to try again after a 429 within the minute', async () => {
    const chat = await availableChat();
    await exchange(chat, 'hi', jsonResponse(429, { title: 'Too many chat requests', status: 429, detail: 'At most 10 a minute.' }, { 'Retry-After': '40' }));
    const error = chat.state.snapshot.error!;
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAt).toEqual(new Date('2026-11-26T10:00:40Z'));
    expect(error.message).toBe('Too many chat requests. At most 10 a minute. Try again in 40 seconds.');
    expect(chat.state.snapshot.draft).toBe('hi');
  });

  it('gives the clock time in the user zone for a daily limit that ends later today or another day', async () => {
    const chat = await availableChat();
    await exchange(chat, 'hi', jsonResponse(429, { title: 'Daily chat limit reached', status: 429 }, { 'Retry-After': String(3 * 3600) }));
    // 13:00 UTC is 14:00 in Berlin.
    expect(chat.state.snapshot.error!.message).toBe('Daily chat limit reached. Try again at 14:00.');

    await exchange(chat, 'hi', jsonResponse(429, { title: 'Daily chat limit reached', status: 429 }, { 'Retry-After': String(14 * 3600) }));
    expect(chat.state.snapshot.error!.message).toBe('Daily chat limit reached. Try again on Fri 27 Nov at 01:00.');
  });

  it('shows the detail of a 503 from a model that is not answering and stays available', async () => {
    const chat = await availableChat();
    await exchange(chat, 'hi', jsonResponse(503, {
      type: '/problems/chat-model-unavailable', title: 'The chat model is not answering.', status: 503,
      detail: 'Try again in a minute.',
    }));
    expect(chat.state.snapshot.error).toMatchObject({ kind: 'unavailable', message: 'The chat model is not answering. Try again in a minute.' });
    expect(chat.state.snapshot.availability.kind).toBe('available');
    expect(chat.state.snapshot.draft).toBe('hi');
  });

  it('turns unavailable, text kept, when the server says the chat is no longer configured', async () => {
    const chat = await availableChat();
    await exchange(chat, 'hi', jsonResponse(503, { type: CHAT_UNAVAILABLE_PROBLEM_TYPE, title: 'Chat is not configured.', status: 503, detail: 'Set OPENAI_API_KEY.' }));
    expect(chat.state.snapshot.availability).toEqual({ kind: 'unavailable', message: 'Set OPENAI_API_KEY.', canRetry: false });
    expect(chat.state.snapshot.draft).toBe('hi');
  });

  it('lists the field messages of a 400', async () => {
    const chat = await availableChat();
    await exchange(chat, 'hi', jsonResponse(400, {
      title: 'The chat request is not valid', status: 400,
      errors: [{ field: 'timeZone', message: 'Unknown time zone.' }],
    }));
    expect(chat.state.snapshot.error).toMatchObject({ kind: 'invalid', message: 'The chat request is not valid. Unknown time zone.' });
  });

  it('clears the error with the next attempt, and on dismiss', async () => {
    const chat = await availableChat();
    await exchange(chat, 'hi', jsonResponse(500, { title: 'The server had a problem', status: 500 }));
    expect(chat.state.snapshot.error?.kind).toBe('failed');
    const retry = chat.state.send();
    expect(chat.state.snapshot.error).toBeNull();
    (await chat.server.next()).answer(jsonResponse(500, { title: 'Still broken', status: 500 }));
    await retry;
    expect(chat.state.snapshot.error?.message).toBe('Still broken.');
    chat.state.dismissError();
    expect(chat.state.snapshot.error).toBeNull();
    expect(chat.state.snapshot.draft).toBe('hi');
  });

  it('refuses a message over the server limit without sending it', async () => {
    const chat = await availableChat({ maxMessageLength: 10 });
    chat.state.updateDraft('x'.repeat(11));
    expect(chat.state.snapshot.draftProblem).toBe('Your message has 11 characters; the limit is 10.');
    expect(chat.state.snapshot.canSend).toBe(false);
    await chat.state.send();
    expect(chat.server.requests).toHaveLength(1); // only the availability check
  });

  it('does not send blank drafts, nor a second message while one is pending', async () => {
    const chat = await availableChat();
    chat.state.updateDraft(' \n ');
    await chat.state.send();
    expect(chat.server.requests).toHaveLength(1);

    chat.state.updateDraft('first');
    const sent = chat.state.send();
    const first = await chat.server.next();
    await chat.state.send();
    chat.state.updateDraft('changed while waiting');
    expect(chat.server.requests).toHaveLength(2);
    expect(chat.state.snapshot.draft).toBe('first');
    first.answer(jsonResponse(200, { reply: 'ok', changes: [] }));
    await sent;
    expect(chat.state.snapshot.messages.map((m) => m.content)).toEqual(['first', 'ok']);
  });

  it('drops an answer that arrives after the panel was destroyed', async () => {
    const chat = await availableChat();
    chat.state.updateDraft('hi');
    const sent = chat.state.send();
    const request = await chat.server.next();
    chat.state.destroy();
    chat.snapshots.length = 0;
    request.answer(jsonResponse(200, { reply: 'late', changes: [] }));
    await sent;
    expect(chat.snapshots).toEqual([]);
    expect(chat.state.snapshot.messages).toEqual([]);
  });
});
