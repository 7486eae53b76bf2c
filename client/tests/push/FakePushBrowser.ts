import type { BrowserPushSubscription, PushBrowser, PushWorkerRegistration } from '../../src/push/PushBrowser';

/** A browser whose Push API records every call in order; its permission prompt answers `answer`. */
export class FakePushBrowser implements PushBrowser {
  readonly calls: string[] = [];
  readonly closed: string[] = [];
  supported = true;
  current: NotificationPermission = 'default';
  answer: NotificationPermission = 'granted';
  subscription: FakeSubscription | null = null;
  registered = false;
  lastSubscribeKey: Uint8Array | null = null;
  notifications: Array<{ tag: string }> = [];

  permission(): NotificationPermission {
    return this.current;
  }

  requestPermission(): Promise<NotificationPermission> {
    this.calls.push('requestPermission');
    this.current = this.answer;
    return Promise.resolve(this.answer);
  }

  register(scriptUrl: string, scope: string): Promise<PushWorkerRegistration> {
    this.calls.push(`register ${scriptUrl} ${scope}`);
    this.registered = true;
    return Promise.resolve(this.registrationObject());
  }

  registration(scope: string): Promise<PushWorkerRegistration | undefined> {
    this.calls.push(`registration ${scope}`);
    return Promise.resolve(this.registered ? this.registrationObject() : undefined);
  }

  private registrationObject(): PushWorkerRegistration {
    return {
      pushManager: {
        getSubscription: () => {
          this.calls.push('getSubscription');
          return Promise.resolve(this.subscription);
        },
        subscribe: (options) => {
          this.calls.push(`subscribe userVisibleOnly=${String(options.userVisibleOnly)}`);
          this.lastSubscribeKey = new Uint8Array(options.applicationServerKey as ArrayBuffer);
          this.subscription = new FakeSubscription(this, `https://push.example.com/push/${this.calls.length}`, this.lastSubscribeKey);
          return Promise.resolve(this.subscription);
        },
      },
      getNotifications: (filter) =>
        Promise.resolve(
          this.notifications
            .filter((n) => filter?.tag === undefined || n.tag === filter.tag)
            .map((n) => ({ close: () => this.closed.push(n.tag) })),
        ),
    };
  }
}

export class FakeSubscription implements BrowserPushSubscription {
  readonly options: { readonly applicationServerKey: ArrayBuffer | null };

  constructor(
    private readonly browser: FakePushBrowser,
    readonly endpoint: string,
    key: Uint8Array,
  ) {
    this.options = { applicationServerKey: new Uint8Array(key).buffer };
  }

  toJSON(): PushSubscriptionJSON {
    return { endpoint: this.endpoint, expirationTime: null, keys: { p256dh: 'BUAKey', auth: 'authSecret' } };
  }

  unsubscribe(): Promise<boolean> {
    this.browser.calls.push(`unsubscribe ${this.endpoint}`);
    if (this.browser.subscription === this) this.browser.subscription = null;
    return Promise.resolve(true);
  }
}
