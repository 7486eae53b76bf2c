import type { PushSubscriptionsApi } from '../api/PushSubscriptionsApi';
import { windowPushBrowser, type BrowserPushSubscription, type PushBrowser } from './PushBrowser';

/** The service worker the build writes at the site's root (client/vite.worker.config.ts); it must be same-origin. */
export const PUSH_WORKER_URL = '/push-worker.js';
export const PUSH_WORKER_SCOPE = '/';

/**
 * What `enablePushReminders` achieved:
 * - `enabled`: this browser is subscribed and the server has the subscription; reminders arrive with no tab open.
 * - `not-configured`: the deployment has no Web Push (config.json has no `vapidPublicKey`); nothing was asked.
 * - `unsupported`: this browser (or an insecure page) has no service workers, Push API or notifications.
 * - `denied`: the user refused or dismissed the permission prompt, or refused it earlier (only the browser's site
 *   settings can undo that); nothing was stored.
 */
export type PushReminderState = 'enabled' | 'not-configured' | 'unsupported' | 'denied';

export interface PushReminderResult {
  readonly state: PushReminderState;
  /** The push resource the server stores, when `enabled`. */
  readonly endpoint?: string;
}

/**
 * Turns on reminders for when no tab is open. Call it only from a user gesture (the click of an "Allow
 * notifications" button): it asks for notification permission first, before anything else is awaited, so the
 * browser still sees the gesture. Then it registers the service worker, subscribes with the deployment's key (again
 * if the browser holds a subscription made with another key) and stores the subscription on the server.
 *
 * Resolves with the state; rejects only when the server refuses or cannot be reached (a ProblemError: 409 when the
 * user already allowed the most browsers, 503 when the server has no Web Push), and then leaves no new browser
 * subscription behind.
 */
export async function enablePushReminders(api: PushSubscriptionsApi, browser: PushBrowser = windowPushBrowser()): Promise<PushReminderResult> {
  const key = api.vapidPublicKey;
  if (key === null) return { state: 'not-configured' };
  if (!browser.supported) return { state: 'unsupported' };

  const permission = browser.permission() === 'granted' ? 'granted' : await browser.requestPermission();
  if (permission !== 'granted') return { state: 'denied' };

  const registration = await browser.register(PUSH_WORKER_URL, PUSH_WORKER_SCOPE);
  const applicationServerKey = base64UrlBytes(key);
  let subscription = await registration.pushManager.getSubscription();
  if (subscription !== null && !sameKey(subscription, applicationServerKey)) {
    // Made for another key (the deployment's key pair was replaced): its push service would refuse our pushes.
    await subscription.unsubscribe();
    subscription = null;
  }
  const fresh = subscription === null;
  subscription ??= await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey });

  try {
    await api.save(subscription.toJSON());
  } catch (error) {
    if (fresh) await subscription.unsubscribe().catch(() => false);
    throw error;
  }
  return { state: 'enabled', endpoint: subscription.endpoint };
}

/**
 * Turns reminders off in this browser (a "Stop notifications" button, and sign-out on a shared device): unsubscribes
 * and tells the server. Resolves whatever the server answers: once unsubscribed, the push service answers the server
 * 410 for that endpoint and the server removes it then.
 */
export async function disablePushReminders(api: PushSubscriptionsApi, browser: PushBrowser = windowPushBrowser()): Promise<void> {
  if (!browser.supported) return;
  const subscription = await (await browser.registration(PUSH_WORKER_SCOPE))?.pushManager.getSubscription();
  if (subscription === null || subscription === undefined) return;
  await subscription.unsubscribe();
  await api.remove(subscription.endpoint).catch(() => undefined);
}

/** Whether this browser currently gets push reminders (for the button's label); never prompts. */
export async function pushRemindersState(api: PushSubscriptionsApi, browser: PushBrowser = windowPushBrowser()): Promise<PushReminderState | 'off'> {
  if (api.vapidPublicKey === null) return 'not-configured';
  if (!browser.supported) return 'unsupported';
  if (browser.permission() === 'denied') return 'denied';
  const subscription = await (await browser.registration(PUSH_WORKER_SCOPE))?.pushManager.getSubscription();
  return browser.permission() === 'granted' && subscription ? 'enabled' : 'off';
}

/**
 * Closes this device's system notification of a reminder (its tag is the reminder id), for when it was dismissed or
 * snoozed in a tab.
 */
export async function closePushNotification(reminderId: string, browser: PushBrowser = windowPushBrowser()): Promise<void> {
  if (!browser.supported) return;
  const notifications = (await (await browser.registration(PUSH_WORKER_SCOPE))?.getNotifications({ tag: reminderId })) ?? [];
  for (const notification of notifications) notification.close();
}

/** RFC 4648 section 5 base64url (no padding) to bytes, as `applicationServerKey` takes it. */
export function base64UrlBytes(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function sameKey(subscription: BrowserPushSubscription, key: Uint8Array): boolean {
  const held = subscription.options.applicationServerKey;
  if (held === null) return false;
  const bytes = new Uint8Array(held);
  return bytes.length === key.length && bytes.every((b, i) => b === key[i]);
}
