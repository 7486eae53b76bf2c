import type { NotificationHost, NotificationPermissionState } from './NotificationHost';

/** How `src/push` answers for this browser's Web Push: on, not turned on, refused, or impossible here. */
export type PushAnswer = 'enabled' | 'off' | 'denied' | 'unsupported' | 'not-configured';

/** This browser's Web Push, as `src/push` offers it (enablePushReminders, pushRemindersState). */
export interface PushReminderControl {
  /** Subscribes this browser; call only from a user gesture. Rejects when the server refuses. */
  enable(): Promise<PushAnswer>;
  /** Whether it is on now; never prompts. */
  state(): Promise<PushAnswer>;
}

/** Where reminders reach this browser, as the settings dialog says it. */
export interface ReminderReach {
  readonly notifications: NotificationPermissionState;
  /** `unavailable` when the app or the browser has no Web Push, `failed` when turning it on failed. */
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

  constructor(private readonly host: NotificationHost, private readonly pushControl: PushReminderControl | null) {
    this.push = pushControl === null ? 'unavailable' : 'off';
  }

  get reach(): ReminderReach {
    return { notifications: this.host.permission(), push: this.push, pushError: this.pushError };
  }

  /** Whether a click on "Enable reminders" has anything left to do. */
  get canEnable(): boolean {
    const { notifications, push } = this.reach;
    return notifications === 'default' || (notifications === 'granted' && (push === 'off' || push === 'failed'));
  }

  /** Reads whether Web Push is on in this browser (at start, so the button says what is left to do); never prompts. */
  async refresh(): Promise<ReminderReach> {
    if (this.pushControl !== null && this.push !== 'failed') {
      try {
        this.push = pushReach(await this.pushControl.state());
      } catch {
        // Unknown: leave it as it was; the button offers it, and a click tells.
      }
    }
    return this.reach;
  }

  /** Call from a user gesture only: the permission prompt comes first, before anything else is awaited. */
  async enable(): Promise<ReminderReach> {
    let permission = this.host.permission();
    if (permission === 'default') permission = await this.host.requestPermission();
    if (permission === 'granted' && this.pushControl !== null && this.push !== 'on') {
      try {
        this.push = pushReach(await this.pushControl.enable());
        this.pushError = null;
      } catch (error) {
        this.push = 'failed';
        this.pushError = error instanceof Error ? error.message : String(error);
      }
    }
    return this.reach;
  }
}

function pushReach(answer: PushAnswer): ReminderReach['push'] {
  switch (answer) {
    case 'enabled': return 'on';
    case 'off':
    case 'denied': return 'off';
    case 'unsupported':
    case 'not-configured': return 'unavailable';
  }
}
