import type { NotificationHost, NotificationPermissionState } from './NotificationHost';

/** Turns on Web Push for this browser (a service worker and a push subscription sent to the server). */
export type PushEnabler = () => Promise<void>;

/** Where reminders reach this browser, as the settings dialog says it. */
export interface ReminderReach {
  readonly notifications: NotificationPermissionState;
  /** `unavailable` when the app has no Web Push (or the browser cannot do it), `failed` when turning it on failed. */
  readonly push: 'unavailable' | 'off' | 'on' | 'failed';
  readonly pushError: string | null;
}

/**
 * "Enable reminders": asks the browser for notification permission, once and only from the click that called
 * `enable`, never on load; with permission, the same click turns on Web Push when the app has it, so reminders also
 * reach this browser while no tab is open. Without permission reminders still show as toasts in the page.
 */
export class ReminderEnabler {
  private push: ReminderReach['push'];
  private pushError: string | null = null;

  constructor(private readonly host: NotificationHost, private readonly enablePush: PushEnabler | null) {
    this.push = enablePush === null ? 'unavailable' : 'off';
  }

  get reach(): ReminderReach {
    return { notifications: this.host.permission(), push: this.push, pushError: this.pushError };
  }

  /** Whether a click on "Enable reminders" has anything left to do. */
  get canEnable(): boolean {
    const { notifications, push } = this.reach;
    return notifications === 'default' || (notifications === 'granted' && (push === 'off' || push === 'failed'));
  }

  /** Call from a user gesture only. */
  async enable(): Promise<ReminderReach> {
    let permission = this.host.permission();
    if (permission === 'default') permission = await this.host.requestPermission();
    if (permission === 'granted' && this.enablePush !== null && this.push !== 'on') {
      try {
        await this.enablePush();
        this.push = 'on';
        this.pushError = null;
      } catch (error) {
        this.push = 'failed';
        this.pushError = error instanceof Error ? error.message : String(error);
      }
    }
    return this.reach;
  }
}
