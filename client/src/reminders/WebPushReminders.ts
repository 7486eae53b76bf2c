import type { PushSubscriptionsApi } from '../api/PushSubscriptionsApi';
import { closePushNotification, disablePushReminders, enablePushReminders, pushRemindersState } from '../push/PushReminders';
import type { PushAnswer, PushReminderControl } from './ReminderEnabler';

/** This browser's Web Push reminders through `src/push`, as the reminder settings and the page use them. */
export class WebPushReminders implements PushReminderControl {
  constructor(private readonly api: PushSubscriptionsApi) {}

  /** From the "Enable reminders" click only (it may prompt for notification permission). */
  async enable(): Promise<PushAnswer> {
    return (await enablePushReminders(this.api)).state;
  }

  state(): Promise<PushAnswer> {
    return pushRemindersState(this.api);
  }

  /** Closes this device's push notification of a reminder dismissed or snoozed in a tab. */
  closeNotification(reminderId: string): Promise<void> {
    return closePushNotification(reminderId);
  }

  /** Unsubscribes this browser: on sign-out, so the next person to use it gets none of these reminders. */
  disable(): Promise<void> {
    return disablePushReminders(this.api);
  }
}
