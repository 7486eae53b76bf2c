import type { NotificationHost, NotificationPermissionState, ShownNotification } from '../../src/reminders/NotificationHost';

/** A system notification as the fake host created it. */
export class FakeNotification implements ShownNotification {
  onclick: ((event: Event) => void) | null = null;
  closed = false;
  constructor(readonly title: string, readonly body: string, readonly tag: string) {}
  close(): void {
    this.closed = true;
  }
}

/** The Notification API as a browser with the given permission answers it. */
export class FakeNotificationHost implements NotificationHost {
  readonly shown: FakeNotification[] = [];
  requests = 0;
  /** `answer` is what the person picks in the browser's prompt. */
  constructor(public state: NotificationPermissionState, private readonly answer: NotificationPermissionState = state) {}
  permission(): NotificationPermissionState {
    return this.state;
  }
  requestPermission(): Promise<NotificationPermissionState> {
    this.requests++;
    this.state = this.answer;
    return Promise.resolve(this.state);
  }
  show(title: string, options: { body: string; tag: string }): ShownNotification | null {
    if (this.state !== 'granted') return null;
    const n = new FakeNotification(title, options.body, options.tag);
    this.shown.push(n);
    return n;
  }
}
