// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthorizedFetch } from '../../src/api/AuthorizedFetch';
import { RemindersApi } from '../../src/api/RemindersApi';
import type { ReminderMessage } from '../../src/realtime/ReminderMessage';
import { ReminderBoard } from '../../src/reminders/ReminderBoard';
import { ReminderToasts } from '../../src/reminders/ReminderToasts';
import { fixedTokens } from '../api/FixedTokens';
import { sampleReminder } from './SampleReminder';

interface Tab {
  readonly board: ReminderBoard;
  readonly toasts: ReminderToasts;
  readonly shownEvents: ReminderMessage[];
}

/**
 * Two tabs of one user, each with its own board and toasts over the real RemindersApi. The server answers
 * dismiss/snooze with 204 and then pushes `reminder.dismissed` to every tab's socket, as the API does.
 */
function twoTabs() {
  const requests: string[] = [];
  const tabs: Tab[] = [];
  let failNext = false;
  const fetchFn = (url: string, init?: RequestInit): Promise<Response> => {
    requests.push(`${init?.method ?? 'GET'} ${url}`);
    if (failNext) {
      failNext = false;
      return Promise.resolve(new Response(JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503 }), { status: 503, headers: { 'Content-Type': 'application/problem+json' } }));
    }
    const id = decodeURIComponent(/\/api\/reminders\/([^/]+)\//.exec(url)?.[1] ?? '');
    setTimeout(() => {
      for (const tab of tabs) tab.board.closedElsewhere(id);
    }, 0);
    return Promise.resolve(new Response(null, { status: 204 }));
  };
  const api = new RemindersApi(new AuthorizedFetch('', fixedTokens, fetchFn));
  for (let i = 0; i < 2; i++) {
    const board = new ReminderBoard(api);
    const shownEvents: ReminderMessage[] = [];
    const toasts = new ReminderToasts({
      board,
      dates: { timeZone: 'UTC', locale: 'en-GB' },
      showEvent: (reminder) => shownEvents.push(reminder),
      now: () => new Date('2026-12-07T08:50:00Z'),
    });
    const host = document.createElement('div');
    host.dataset['tab'] = String(i);
    host.append(toasts.element);
    document.body.append(host);
    tabs.push({ board, toasts, shownEvents });
  }
  return { tabs, requests, failNextRequest: () => (failNext = true) };
}

function inTab(tab: number, selector: string): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(`[data-tab="${tab}"] ${selector}`)];
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

afterEach(() => document.body.replaceChildren());

describe('ReminderToasts', () => {
  it('shows one toast per reminder with its title, when it starts, Dismiss and Snooze 5 min', () => {
    const { tabs } = twoTabs();
    tabs[0]!.board.receive(sampleReminder('r1'));
    tabs[0]!.board.receive(sampleReminder('r1'));
    const toasts = inTab(0, '[data-testid="reminder-toast"]');
    expect(toasts).toHaveLength(1);
    expect(toasts[0]!.dataset['reminderId']).toBe('r1');
    expect(toasts[0]!.dataset['eventId']).toBe('e1');
    expect(inTab(0, '[data-testid="reminder-title"]')[0]!.textContent).toBe('Standup');
    expect(inTab(0, '[data-testid="reminder-when"]')[0]!.textContent).toBe('Starts in 10 minutes (09:00)');
    expect(inTab(0, '[data-testid="reminder-dismiss"]')[0]!.textContent).toBe('Dismiss');
    expect(inTab(0, '[data-testid="reminder-snooze"]')[0]!.textContent).toBe('Snooze 5 min');
    expect(inTab(0, '[data-testid="reminder-toasts"]')[0]!.hidden).toBe(false);
  });

  it('writes titles as text, never as markup', () => {
    const { tabs } = twoTabs();
    tabs[0]!.board.receive(sampleReminder('r1', { title: '<img src=x onerror=alert(1)>' }));
    expect(inTab(0, 'img')).toEqual([]);
    expect(inTab(0, '[data-testid="reminder-title"]')[0]!.textContent).toBe('<img src=x onerror=alert(1)>');
  });

  it('dismissed in one tab, the toast leaves both tabs through the server\'s push', async () => {
    const t = twoTabs();
    for (const tab of t.tabs) tab.board.receive(sampleReminder('r1'));
    for (const tab of t.tabs) tab.board.receive(sampleReminder('r2', { title: 'Lunch' }));
    inTab(0, '[data-reminder-id="r1"] [data-testid="reminder-dismiss"]')[0]!.click();
    // The request and the server's push are asynchronous; on a loaded machine they take more than a few milliseconds.
    await vi.waitFor(() => {
      expect(t.requests).toEqual(['POST /api/reminders/r1/dismiss']);
      for (const tab of [0, 1]) {
        expect(inTab(tab, '[data-testid="reminder-toast"]').map((e) => e.dataset['reminderId'])).toEqual(['r2']);
      }
    });
  });

  it('snoozed in one tab, the toast leaves both tabs and the container hides when empty', async () => {
    const t = twoTabs();
    for (const tab of t.tabs) tab.board.receive(sampleReminder('r1'));
    inTab(1, '[data-testid="reminder-snooze"]')[0]!.click();
    await vi.waitFor(() => {
      expect(t.requests).toEqual(['POST /api/reminders/r1/snooze']);
      for (const tab of [0, 1]) {
        expect(inTab(tab, '[data-testid="reminder-toast"]')).toEqual([]);
        expect(inTab(tab, '[data-testid="reminder-toasts"]')[0]!.hidden).toBe(true);
      }
    });
  });

  it('keeps the toast with the reason when the server refuses, with its buttons usable again', async () => {
    const t = twoTabs();
    t.tabs[0]!.board.receive(sampleReminder('r1'));
    t.failNextRequest();
    inTab(0, '[data-testid="reminder-dismiss"]')[0]!.click();
    await settle();
    const error = inTab(0, '[data-testid="reminder-error"]')[0]!;
    expect(error.hidden).toBe(false);
    expect(error.textContent).toBe('It could not be dismissed: Service Unavailable.');
    expect((inTab(0, '[data-testid="reminder-dismiss"]')[0] as HTMLButtonElement).disabled).toBe(false);
  });

  it('keeps a focused button in place when another reminder arrives', () => {
    const { tabs } = twoTabs();
    tabs[0]!.board.receive(sampleReminder('r1'));
    const dismiss = inTab(0, '[data-testid="reminder-dismiss"]')[0]!;
    dismiss.focus();
    tabs[0]!.board.receive(sampleReminder('r2'));
    expect(inTab(0, '[data-testid="reminder-dismiss"]')[0]).toBe(dismiss);
    expect(document.activeElement).toBe(dismiss);
  });

  it('moves the calendar to the event when its title is clicked', () => {
    const { tabs } = twoTabs();
    tabs[0]!.board.receive(sampleReminder('r1'));
    inTab(0, '[data-testid="reminder-title"]')[0]!.click();
    expect(tabs[0]!.shownEvents.map((r) => r.eventId)).toEqual(['e1']);
  });
});
