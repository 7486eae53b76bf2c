import { parseJsonOrUndefined } from '../json/JsonObject';
import { readReminderPayload, reminderNotification } from './ReminderNotification';

/**
 * The service worker's part of the ServiceWorkerGlobalScope, typed structurally: the DOM library the app compiles
 * against has no worker types, and one tsconfig serves both.
 */
export interface PushWorkerScope {
  readonly registration: {
    readonly scope: string;
    showNotification(title: string, options: NotificationOptions): Promise<void>;
  };
  readonly clients: WorkerClients;
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install', listener: (event: WorkerEvent) => void): void;
  addEventListener(type: 'activate', listener: (event: WorkerEvent) => void): void;
  addEventListener(type: 'push', listener: (event: WorkerPushEvent) => void): void;
  addEventListener(type: 'notificationclick', listener: (event: WorkerNotificationEvent) => void): void;
}

export interface WorkerEvent {
  waitUntil(promise: Promise<unknown>): void;
}

export interface WorkerPushEvent extends WorkerEvent {
  readonly data: { text(): string } | null;
}

export interface WorkerNotificationEvent extends WorkerEvent {
  readonly notification: { close(): void };
}

export interface WorkerWindow {
  readonly url: string;
  readonly focused: boolean;
  focus(): Promise<unknown>;
}

export interface WorkerClients {
  matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<readonly WorkerWindow[]>;
  openWindow(url: string): Promise<unknown>;
  claim(): Promise<void>;
}

/**
 * Wires the push service worker into `scope`: each push shows a reminder notification (tag = reminder id, so
 * duplicates collapse); a click on one closes it and focuses a tab of the app, or opens the app when none is open.
 */
export function installPushWorker(scope: PushWorkerScope, now: () => Date = () => new Date(), timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone): void {
  // A new version takes over at once: the worker keeps no state between versions.
  scope.addEventListener('install', (event) => event.waitUntil(scope.skipWaiting()));
  scope.addEventListener('activate', (event) => event.waitUntil(scope.clients.claim()));

  scope.addEventListener('push', (event) => {
    const payload = readReminderPayload(event.data === null ? undefined : parseJsonOrUndefined(event.data.text()));
    const notification = reminderNotification(payload, now(), timeZone);
    event.waitUntil(scope.registration.showNotification(notification.title, notification.options));
  });

  scope.addEventListener('notificationclick', (event) => {
    event.notification.close();
    event.waitUntil(focusOrOpenApp(scope.clients, scope.registration.scope));
  });
}

/** Focuses a window of the app (the focused one, else the first), or opens the app at `appUrl` when none is open. */
export async function focusOrOpenApp(clients: WorkerClients, appUrl: string): Promise<void> {
  const origin = new URL(appUrl).origin;
  const windows = (await clients.matchAll({ type: 'window', includeUncontrolled: true })).filter((w) => new URL(w.url).origin === origin);
  const app = windows.find((w) => w.focused) ?? windows[0];
  if (app !== undefined) {
    await app.focus();
    return;
  }
  await clients.openWindow(appUrl);
}
