// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { AuthorizedFetch } from '../../src/api/AuthorizedFetch';
import { ChatApi } from '../../src/api/ChatApi';
import { CHAT_UNAVAILABLE_PROBLEM_TYPE, type EventChange } from '../../src/api/ChatExchange';
import { ChatPanel } from '../../src/chat/ChatPanel';
import { ChatPanelState } from '../../src/chat/ChatPanelState';
import { fixedTokens } from '../api/FixedTokens';
import { jsonResponse } from '../api/ScriptedServer';


interface PendingAnswer {
  body: string | null;
  answer(response: Response): void;
}


/** The real panel on a real state and ChatApi; the test answers each request when it chooses. */
async function mountedPanel(settingsResponse: Response, allDayIds: string[] = []) {
  const unanswered: PendingAnswer[] = [];
  const fetchFn = (_input: string, init?: RequestInit): Promise<Response> =>
    new Promise((resolve) => unanswered.push({ body: typeof init?.body === 'string' ? init.body : null, answer: resolve }));
  const state = new ChatPanelState({ api: new ChatApi(new AuthorizedFetch('', fixedTokens, fetchFn)), timeZone: 'Europe/Berlin', locale: 'en-GB' });
  const shown: EventChange[] = [];
  const panel = new ChatPanel({ state, timeZone: 'Europe/Berlin', locale: 'en-GB', showEvent: (c) => shown.push(c), isAllDay: (id) => allDayIds.includes(id) });
  document.body.append(panel.toggleButton, panel.element);
  const checked = state.checkAvailability();
  await until(() => unanswered.length === 1);
  unanswered.shift()!.answer(settingsResponse);
  await checked;
  const byTestId = <T extends HTMLElement = HTMLElement>(id: string): T => panel.element.querySelector<T>(`[data-testid="${id}"]`)!;
  return { state, panel, shown, unanswered, byTestId };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((r) => setTimeout(r, 0));
  if (!condition()) throw new Error('condition never held');
}

function type(input: HTMLTextAreaElement, text: string): void {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function pressEnter(input: HTMLTextAreaElement, shiftKey = false): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key: 'Enter', shiftKey, bubbles: true, cancelable: true });
  input.dispatchEvent(event);
  return event;
}

const settings = { model: 'gpt-4o-mini', maxTurns: 20, maxMessageLength: 2000 };

afterEach(() => {
  document.body.replaceChildren();
});

describe('ChatPanel', () => {
  it('disables the input and shows the 503 detail when the chat is not configured', async () => {
    const t = await mountedPanel(jsonResponse(503, {
      type: CHAT_UNAVAILABLE_PROBLEM_TYPE, title: 'Chat is not configured.', status: 503, detail: 'Set OPENAI_API_KEY to enable the chat.',
    }));
    const unavailable = t.byTestId('chat-unavailable');
    expect(unavailable.hidden).toBe(false);
    expect(unavailable.textContent).toContain('Set OPENAI_API_KEY to enable the chat.');
    expect(t.byTestId<HTMLTextAreaElement>('chat-input').disabled).toBe(true);
    expect(t.byTestId<HTMLButtonElement>('chat-send').disabled).toBe(true);
  });

  it('sends on Enter, shows the message as pending, then the answer with its changes', async () => {
    const t = await mountedPanel(jsonResponse(200, settings));
    const input = t.byTestId<HTMLTextAreaElement>('chat-input');
    expect(t.byTestId('chat-unavailable').hidden).toBe(true);
    expect(input.labels?.[0]?.textContent).toBe('Message');

    type(input, 'Lunch with Sam next Tuesday at noon');
    expect(t.byTestId<HTMLButtonElement>('chat-send').disabled).toBe(false);
    expect(pressEnter(input).defaultPrevented).toBe(true);
    await until(() => t.unanswered.length === 1);

    expect(t.byTestId('chat-pending')).not.toBeNull();
    expect(input.readOnly).toBe(true);
    expect(t.byTestId<HTMLButtonElement>('chat-send').disabled).toBe(true);
    expect(t.byTestId('chat-log').getAttribute('aria-busy')).toBe('true');

    const changes = [
      { op: 'created', eventId: 'e1', title: 'Lunch with Sam', start: '2026-12-01T11:00:00Z', version: 1 },
      { op: 'deleted', eventId: 'e2', title: 'Old lunch', start: null, version: 4 },
    ];
    t.unanswered.shift()!.answer(jsonResponse(200, { reply: 'Done: lunch with Sam on Tue 1 Dec 12:00-13:00.', changes }));
    await until(() => t.panel.element.querySelectorAll('[data-testid="chat-message"]').length === 2);

    const messages = [...t.panel.element.querySelectorAll<HTMLElement>('[data-testid="chat-message"]')];
    expect(messages.map((m) => [m.dataset['role'], m.querySelector('.chat-bubble')?.textContent])).toEqual([
      ['user', 'Lunch with Sam next Tuesday at noon'],
      ['assistant', 'Done: lunch with Sam on Tue 1 Dec 12:00-13:00.'],
    ]);
    expect(t.byTestId('chat-pending')).toBeNull();
    expect(input.value).toBe('');
    expect(input.readOnly).toBe(false);

    const listed = [...messages[1]!.querySelectorAll<HTMLElement>('[data-testid="chat-change"]')];
    expect(listed.map((c) => [c.tagName, c.dataset['op'], c.dataset['changedEventId'], c.textContent])).toEqual([
      ['BUTTON', 'created', 'e1', 'CreatedLunch with SamTue 1 Dec, 12:00'],
      ['SPAN', 'deleted', 'e2', 'DeletedOld lunch'],
    ]);
    listed[0]!.click();
    expect(t.shown.map((c) => c.eventId)).toEqual(['e1']);
    expect(t.byTestId('chat-announcer').textContent).toBe('Assistant: Done: lunch with Sam on Tue 1 Dec 12:00-13:00. 2 events changed.');
    expect(t.byTestId('chat-announcer').getAttribute('aria-live')).toBe('polite');
  });

  it('does not send on Shift+Enter', async () => {
    const t = await mountedPanel(jsonResponse(200, settings));
    const input = t.byTestId<HTMLTextAreaElement>('chat-input');
    type(input, 'first line');
    expect(pressEnter(input, true).defaultPrevented).toBe(false);
    await new Promise((r) => setTimeout(r, 0));
    expect(t.unanswered).toHaveLength(0);
  });

  it('shows a 429 with the retry time and keeps the typed text', async () => {
    const t = await mountedPanel(jsonResponse(200, settings));
    const input = t.byTestId<HTMLTextAreaElement>('chat-input');
    type(input, 'Move my dentist appointment to Friday');
    t.byTestId<HTMLButtonElement>('chat-send').click();
    await until(() => t.unanswered.length === 1);
    t.unanswered.shift()!.answer(jsonResponse(429, { title: 'Too many chat requests', status: 429 }, { 'Retry-After': '30' }));
    await until(() => !t.byTestId('chat-error').hidden);

    expect(t.byTestId('chat-error').textContent).toContain('Too many chat requests. Try again in 30 seconds.');
    expect(t.byTestId('chat-error').getAttribute('role')).toBe('alert');
    expect(input.value).toBe('Move my dentist appointment to Friday');
    expect(input.readOnly).toBe(false);
    expect(t.panel.element.querySelectorAll('[data-testid="chat-message"]')).toHaveLength(0);
  });

  it('shows a change of an all-day event by date only', async () => {
    const t = await mountedPanel(jsonResponse(200, settings), ['e9']);
    type(t.byTestId<HTMLTextAreaElement>('chat-input'), 'Make Friday a holiday');
    t.byTestId<HTMLButtonElement>('chat-send').click();
    await until(() => t.unanswered.length === 1);
    t.unanswered.shift()!.answer(jsonResponse(200, {
      reply: 'Done.', changes: [{ op: 'created', eventId: 'e9', title: 'Holiday', start: '2026-11-27T00:00:00Z', version: 1 }],
    }));
    await until(() => t.byTestId('chat-change') !== null);
    expect(t.byTestId('chat-change').textContent).toBe('CreatedHolidayFri 27 Nov (all day)');
  });

  it('opens and closes on narrow screens through the toggle, which says whether it is expanded', async () => {
    const t = await mountedPanel(jsonResponse(200, settings));
    expect(t.panel.toggleButton.getAttribute('aria-controls')).toBe(t.panel.element.id);
    expect(t.panel.element.dataset['open']).toBe('false');
    t.panel.toggleButton.click();
    expect(t.panel.element.dataset['open']).toBe('true');
    expect(t.panel.toggleButton.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(t.byTestId('chat-input'));
    t.panel.toggleButton.click();
    expect(t.panel.element.dataset['open']).toBe('false');
    expect(t.panel.toggleButton.getAttribute('aria-expanded')).toBe('false');
  });
});
