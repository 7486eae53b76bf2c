import type { ReminderMessage } from '../realtime/ReminderMessage';
import type { DateTextOptions } from '../ui/DateText';
import type { ReminderBoard } from './ReminderBoard';
import type { NotificationHost, ShownNotification } from './NotificationHost';
import { startsText } from './ReminderText';

export interface SystemNotifierOptions {
  /** Closes the same reminder's notification shown by the push service worker (Web Push, when no tab was open). */
  readonly closeElsewhere?: (reminderId: string) => Promise<void>;
  readonly now?: () => Date;
}

/**
 * Shows each reminder on the board as a system notification too, when the user allowed them, and closes it when the
 * reminder leaves the board (dismissed or snoozed in any tab). The notification's `tag` is the reminder's id, so the
 * tabs that all receive the same reminder replace each other's notification instead of stacking copies. A click
 * brings this tab forward, where the toast holds Dismiss and Snooze.
 */
export class SystemNotifier {
  private readonly open = new Map<string, ShownNotification>();
  private readonly unsubscribe: () => void;
  private readonly now: () => Date;

  constructor(
    board: ReminderBoard,
    private readonly host: NotificationHost,
    private readonly dates: DateTextOptions,
    private readonly focusTab: () => void,
    private readonly options: SystemNotifierOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.unsubscribe = board.subscribe((change) => {
      if (change.kind === 'shown') this.show(change.reminder);
      else if (change.kind === 'closed') this.close(change.reminderId);
    });
  }

  destroy(): void {
    this.unsubscribe();
    for (const id of [...this.open.keys()]) this.close(id);
  }

  private show(reminder: ReminderMessage): void {
    if (this.host.permission() !== 'granted') return;
    const body = startsText(new Date(reminder.start), this.now(), this.dates);
    const notification = this.host.show(reminder.title, { body, tag: reminder.reminderId });
    if (notification === null) return;
    notification.onclick = () => {
      this.focusTab();
      notification.close();
    };
    this.open.set(reminder.reminderId, notification);
  }

  private close(reminderId: string): void {
    void this.options.closeElsewhere?.(reminderId).catch(() => undefined);
    const notification = this.open.get(reminderId);
    if (notification === undefined) return;
    this.open.delete(reminderId);
    notification.close();
  }
}
