import { describe, expect, it } from 'vitest';
import { focusOrOpenApp, installPushWorker, type PushWorkerScope, type WorkerClients, type WorkerWindow } from '../../src/push/PushWorker';

type Listener = (event: never) => void;

/** A service worker scope that records the notifications shown, the windows focused and opened. */
function workerScope(windows: WorkerWindow[] = []) {
  const listeners = new Map<string, Listener>();
  const shown: Array<{ title: string; options: NotificationOptions }> = [];
  const opened: string[] = [];
  const clients: WorkerClients = {
    matchAll: () => Promise.resolve(windows),
    openWindow: (url) => {
      opened.push(url);
      return Promise.resolve(null);
    },
    claim: () => Promise.resolve(),
  };
  const scope = {
    registration: {
      scope: 'https://calendar.example.com/',
      showNotification: (title: string, options: NotificationOptions) => {
        shown.push({ title, options });
        return Promise.resolve();
      },
    },
    clients,
    skipWaiting: () => Promise.resolve(),
    addEventListener: (type: string, listener: Listener) => listeners.set(type, listener),
  } as unknown as PushWorkerScope;
  const dispatch = async (type: string, event: object): Promise<void> => {
    const waited: Array<Promise<unknown>> = [];
    (listeners.get(type) as (e: object) => void)({ ...event, waitUntil: (p: Promise<unknown>) => waited.push(p) });
    expect(waited).toHaveLength(1);
    await Promise.all(waited);
  };
  return { scope, shown, opened, dispatch, listeners };
}

function window(url: string, focused = false): WorkerWindow & { focusedCount: number } {
  const w = {
    url,
    focused,
    focusedCount: 0,
    focus: () => {
      w.focusedCount++;
      return Promise.resolve(w);
    },
  };
  return w;
}

const NOTICE = {
  reminderId: 'rem-42',
  eventId: 'evt-1',
  occurrenceStart: '2026-12-01T12:30:00.000Z',
  title: 'Dentist',
  start: '2026-12-01T12:30:00.000Z',
  minutesBefore: 10,
};

describe('the push service worker', () => {
  it('shows a reminder with its title and time, tagged with the reminder id', async () => {
    const { scope, shown, dispatch } = workerScope();
    installPushWorker(scope, () => new Date('2026-12-01T12:20:00Z'), 'Europe/Berlin');

    await dispatch('push', { data: { text: () => JSON.stringify(NOTICE) } });

    expect(shown).toHaveLength(1);
    expect(shown[0]?.title).toBe('Dentist');
    expect(shown[0]?.options.tag).toBe('rem-42');
    // The device's locale decides the clock format; 12:30 UTC is 13:30 in Berlin.
    expect(shown[0]?.options.body).toMatch(/^Starts (13:30|0?1:30\sPM)$/);
    expect(shown[0]?.options.data).toEqual({ reminderId: 'rem-42', eventId: 'evt-1' });
  });

  it('shows the same tag for a repeat of the same reminder, so the device keeps one', async () => {
    const { scope, shown, dispatch } = workerScope();
    installPushWorker(scope, () => new Date('2026-12-01T12:20:00Z'), 'UTC');

    await dispatch('push', { data: { text: () => JSON.stringify(NOTICE) } });
    await dispatch('push', { data: { text: () => JSON.stringify(NOTICE) } });

    expect(shown.map((s) => s.options.tag)).toEqual(['rem-42', 'rem-42']);
  });

  it('still shows something for a push it cannot read, as every push must', async () => {
    const { scope, shown, dispatch } = workerScope();
    installPushWorker(scope, () => new Date(), 'UTC');

    await dispatch('push', { data: null });
    await dispatch('push', { data: { text: () => '{"title":"no id"}' } });

    expect(shown.map((s) => s.title)).toEqual(['Calendar reminder', 'Calendar reminder']);
  });

  it('on a click closes the notification and focuses the app\'s focused tab', async () => {
    const other = window('https://elsewhere.example.org/');
    const background = window('https://calendar.example.com/');
    const front = window('https://calendar.example.com/?week=2', true);
    const { scope, opened, dispatch } = workerScope([other, background, front]);
    installPushWorker(scope);
    let closed = 0;

    await dispatch('notificationclick', { notification: { close: () => closed++ } });

    expect(closed).toBe(1);
    expect([other.focusedCount, background.focusedCount, front.focusedCount]).toEqual([0, 0, 1]);
    expect(opened).toEqual([]);
  });

  it('on a click opens the app when no tab of it is open', async () => {
    const { scope, opened, dispatch } = workerScope([window('https://elsewhere.example.org/')]);
    installPushWorker(scope);

    await dispatch('notificationclick', { notification: { close: () => undefined } });

    expect(opened).toEqual(['https://calendar.example.com/']);
  });

  it('takes over at once when installed', async () => {
    const { scope, dispatch, listeners } = workerScope();
    installPushWorker(scope);
    expect([...listeners.keys()].sort()).toEqual(['activate', 'install', 'notificationclick', 'push']);
    await dispatch('install', {});
    await dispatch('activate', {});
  });

  it('focusOrOpenApp picks the first app window when none is focused', async () => {
    const first = window('https://calendar.example.com/a');
    const second = window('https://calendar.example.com/b');
    const clients: WorkerClients = { matchAll: () => Promise.resolve([first, second]), openWindow: () => Promise.resolve(null), claim: () => Promise.resolve() };

    await focusOrOpenApp(clients, 'https://calendar.example.com/');

    expect([first.focusedCount, second.focusedCount]).toEqual([1, 0]);
  });
});
