import { describe, expect, it } from 'vitest';
import { AuthorizedFetch } from '../../src/api/AuthorizedFetch';
import { ProblemError } from '../../src/api/ProblemError';
import { PushSubscriptionsApi } from '../../src/api/PushSubscriptionsApi';
import { base64UrlBytes, closePushNotification, disablePushReminders, enablePushReminders, pushRemindersState } from '../../src/push/PushReminders';
import { fixedTokens } from '../api/FixedTokens';
import { FakePushBrowser, FakeSubscription } from './FakePushBrowser';

// A real P-256 point's shape: 0x04 then 64 bytes, base64url without padding (87 characters).
const KEY = 'BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4';

interface Call {
  readonly method: string;
  readonly url: string;
  readonly body: unknown;
}

function server(status = 201) {
  const calls: Call[] = [];
  const fetchFn = (url: string, init?: RequestInit): Promise<Response> => {
    calls.push({ method: init?.method ?? 'GET', url, body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined });
    return Promise.resolve(
      status >= 400
        ? new Response(JSON.stringify({ type: '/problems/limit-reached', title: 'Too many push subscriptions.', status }), { status })
        : new Response(status === 204 ? null : '{}', { status }),
    );
  };
  return { calls, http: new AuthorizedFetch('', fixedTokens, fetchFn) };
}

describe('enablePushReminders', () => {
  it('asks for permission before anything else, then registers the worker, subscribes with the key and stores the subscription', async () => {
    const browser = new FakePushBrowser();
    const { calls, http } = server();

    const result = await enablePushReminders(new PushSubscriptionsApi(http, KEY), browser);

    expect(result.state).toBe('enabled');
    expect(browser.calls).toEqual(['requestPermission', 'register /push-worker.js /', 'getSubscription', 'subscribe userVisibleOnly=true']);
    expect(Array.from(browser.lastSubscribeKey ?? [])).toEqual(Array.from(base64UrlBytes(KEY)));
    expect(browser.lastSubscribeKey?.length).toBe(65);
    expect(calls).toEqual([{ method: 'POST', url: '/api/push/subscriptions', body: browser.subscription?.toJSON() }]);
    expect(result.endpoint).toBe(browser.subscription?.endpoint);
  });

  it('asks nothing when the deployment has no Web Push or the browser cannot do it', async () => {
    const browser = new FakePushBrowser();
    const { calls, http } = server();
    expect((await enablePushReminders(new PushSubscriptionsApi(http, null), browser)).state).toBe('not-configured');

    browser.supported = false;
    expect((await enablePushReminders(new PushSubscriptionsApi(http, KEY), browser)).state).toBe('unsupported');

    expect(browser.calls).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('stores nothing when the user refuses or dismisses the prompt', async () => {
    for (const answer of ['denied', 'default'] as const) {
      const browser = new FakePushBrowser();
      browser.answer = answer;
      const { calls, http } = server();

      expect((await enablePushReminders(new PushSubscriptionsApi(http, KEY), browser)).state).toBe('denied');

      expect(browser.calls).toEqual(['requestPermission']);
      expect(calls).toEqual([]);
    }
  });

  it('does not prompt again once allowed, and sends an existing subscription made with the same key again', async () => {
    const browser = new FakePushBrowser();
    browser.current = 'granted';
    browser.subscription = new FakeSubscription(browser, 'https://push.example.com/push/old', base64UrlBytes(KEY));
    const { calls, http } = server(200);

    await enablePushReminders(new PushSubscriptionsApi(http, KEY), browser);

    expect(browser.calls).toEqual(['register /push-worker.js /', 'getSubscription']);
    expect(calls.map((c) => (c.body as { endpoint: string }).endpoint)).toEqual(['https://push.example.com/push/old']);
  });

  it('replaces a subscription made for another key', async () => {
    const browser = new FakePushBrowser();
    browser.current = 'granted';
    const other = new Uint8Array(65).fill(7);
    browser.subscription = new FakeSubscription(browser, 'https://push.example.com/push/stale', other);
    const { calls, http } = server();

    const result = await enablePushReminders(new PushSubscriptionsApi(http, KEY), browser);

    expect(browser.calls).toContain('unsubscribe https://push.example.com/push/stale');
    expect(result.endpoint).not.toBe('https://push.example.com/push/stale');
    expect(calls).toHaveLength(1);
  });

  it('rejects with the server\'s problem and leaves no new browser subscription behind', async () => {
    const browser = new FakePushBrowser();
    const { http } = server(409);

    const failure = enablePushReminders(new PushSubscriptionsApi(http, KEY), browser);

    await expect(failure).rejects.toBeInstanceOf(ProblemError);
    await expect(failure).rejects.toMatchObject({ status: 409 });
    expect(browser.subscription).toBeNull();
    expect(browser.calls.at(-1)).toMatch(/^unsubscribe /);
  });
});

describe('disablePushReminders and the state', () => {
  it('unsubscribes and tells the server the endpoint, and tells the state before and after', async () => {
    const browser = new FakePushBrowser();
    const { calls, http } = server(201);
    const api = new PushSubscriptionsApi(http, KEY);
    expect(await pushRemindersState(api, browser)).toBe('off');
    const { endpoint } = await enablePushReminders(api, browser);
    expect(await pushRemindersState(api, browser)).toBe('enabled');

    await disablePushReminders(api, browser);

    expect(browser.subscription).toBeNull();
    expect(calls.at(-1)).toEqual({ method: 'DELETE', url: '/api/push/subscriptions', body: { endpoint } });
    expect(await pushRemindersState(api, browser)).toBe('off');
  });

  it('still unsubscribes when the server cannot be told', async () => {
    const browser = new FakePushBrowser();
    browser.registered = true;
    browser.subscription = new FakeSubscription(browser, 'https://push.example.com/push/1', base64UrlBytes(KEY));
    const { http } = server(503);

    await disablePushReminders(new PushSubscriptionsApi(http, KEY), browser);

    expect(browser.subscription).toBeNull();
  });

  it('says denied when the user blocked notifications, without prompting', async () => {
    const browser = new FakePushBrowser();
    browser.current = 'denied';
    expect(await pushRemindersState(new PushSubscriptionsApi(server().http, KEY), browser)).toBe('denied');
    expect(browser.calls).toEqual([]);
  });
});

describe('closePushNotification', () => {
  it('closes only the notification of that reminder', async () => {
    const browser = new FakePushBrowser();
    browser.registered = true;
    browser.notifications = [{ tag: 'rem-1' }, { tag: 'rem-2' }];

    await closePushNotification('rem-2', browser);

    expect(browser.closed).toEqual(['rem-2']);
  });
});

describe('base64UrlBytes', () => {
  it('reads unpadded base64url, both alphabets\' last characters included', () => {
    expect(Array.from(base64UrlBytes('-_8'))).toEqual([0xfb, 0xff]);
    expect(Array.from(base64UrlBytes('AQID'))).toEqual([1, 2, 3]);
  });
});
