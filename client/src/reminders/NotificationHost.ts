/** The Notification API's permission, or `unsupported` where the browser has none (some phones, insecure pages). */
export type NotificationPermissionState = 'default' | 'granted' | 'denied' | 'unsupported';

/** A system notification on screen. */
export interface ShownNotification {
  onclick: ((event: Event) => void) | null;
  close(): void;
}

/** What a tab asks of the browser's Notification API; the browser's own is `browserNotificationHost()`. */
export interface NotificationHost {
  permission(): NotificationPermissionState;
  /** Shows the browser's prompt; only call it from a user gesture (a click), never on load. */
  requestPermission(): Promise<NotificationPermissionState>;
  /** Null when the browser refused to create it (permission withdrawn meanwhile, or notifications only from a service worker). */
  show(title: string, options: { readonly body: string; readonly tag: string }): ShownNotification | null;
}

/** The page's `Notification` constructor, where the browser has one. */
export function browserNotificationHost(): NotificationHost {
  const api = typeof Notification === 'function' ? Notification : null;
  const state = (value: NotificationPermission): NotificationPermissionState => value;
  return {
    permission: () => (api === null ? 'unsupported' : state(api.permission)),
    requestPermission: async () => (api === null ? 'unsupported' : state(await api.requestPermission())),
    show: (title, options) => {
      if (api?.permission !== 'granted') return null;
      try {
        return new api(title, { body: options.body, tag: options.tag });
      } catch {
        // Chrome on Android allows notifications only from a service worker: the toast is enough there.
        return null;
      }
    },
  };
}
