/**
 * The parts of the browser's Push API, Notifications API and service worker container the push module uses, as
 * structural types: the real `window` objects satisfy them (windowPushBrowser), and tests pass their own.
 */
export interface PushBrowser {
  /** Service workers, PushManager and Notification all exist (a secure context, a supporting browser). */
  readonly supported: boolean;
  permission(): NotificationPermission;
  /** Must run inside a user gesture (a click): browsers refuse or silently deny a prompt without one. */
  requestPermission(): Promise<NotificationPermission>;
  register(scriptUrl: string, scope: string): Promise<PushWorkerRegistration>;
  /** The registration controlling `scope`, if one exists. */
  registration(scope: string): Promise<PushWorkerRegistration | undefined>;
}

export interface PushWorkerRegistration {
  readonly pushManager: {
    getSubscription(): Promise<BrowserPushSubscription | null>;
    subscribe(options: { userVisibleOnly: boolean; applicationServerKey: BufferSource }): Promise<BrowserPushSubscription>;
  };
  getNotifications(filter?: { tag?: string }): Promise<ReadonlyArray<{ close(): void }>>;
}

export interface BrowserPushSubscription {
  readonly endpoint: string;
  readonly options: { readonly applicationServerKey: ArrayBuffer | null };
  toJSON(): PushSubscriptionJSON;
  unsubscribe(): Promise<boolean>;
}

/** The real browser. */
export function windowPushBrowser(): PushBrowser {
  const supported =
    typeof window !== 'undefined' &&
    window.isSecureContext &&
    'serviceWorker' in navigator &&
    'PushManager' in window &&
    'Notification' in window;
  return {
    supported,
    permission: () => Notification.permission,
    requestPermission: () => Notification.requestPermission(),
    register: async (scriptUrl, scope) => {
      await navigator.serviceWorker.register(scriptUrl, { scope, updateViaCache: 'none' });
      // A new worker may still be installing: `ready` resolves once one is active, which pushManager.subscribe needs.
      return navigator.serviceWorker.ready;
    },
    registration: (scope) => navigator.serviceWorker.getRegistration(scope),
  };
}
