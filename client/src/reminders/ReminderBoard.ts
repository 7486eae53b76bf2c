import type { ReminderMessage } from '../realtime/ReminderMessage';
import { errorText } from '../ui/ErrorText';

/** A reminder on screen, with what is being done to it. */
export interface ShownReminder {
  readonly reminder: ReminderMessage;
  /** The dismiss or snooze on its way to the server, if any. */
  readonly pending: 'dismiss' | 'snooze' | null;
  /** Why the last dismiss or snooze failed; null when none did. */
  readonly error: string | null;
}

/** What changed on the board: the notifier shows and closes system notifications from these. */
export type ReminderBoardChange =
  | { readonly kind: 'shown'; readonly reminder: ReminderMessage }
  | { readonly kind: 'closed'; readonly reminderId: string }
  | { readonly kind: 'updated'; readonly reminderId: string };

/** Where the board sends what the person chose; RemindersApi is the real one. */
export interface ReminderActions {
  dismiss(reminderId: string): Promise<void>;
  snooze(reminderId: string): Promise<void>;
}

/**
 * A copy of a reminder that arrives this soon after it left the screen is a retried delivery of the same firing,
 * not the snoozed reminder coming back (that takes five minutes).
 */
export const REPEAT_DELIVERY_WINDOW_MS = 60_000;

/** How long a reminder id is remembered once it left the screen. */
const FORGET_AFTER_MS = 24 * 60 * 60_000;

type Seen =
  | { readonly state: 'showing'; readonly at: number }
  /** Dismissed here: the server never sends it again, so any later copy is a duplicate. */
  | { readonly state: 'dismissed'; readonly at: number }
  /** Snoozed here, or dismissed or snoozed elsewhere (the push does not say which): it may come back after a snooze. */
  | { readonly state: 'closed'; readonly at: number };

/**
 * The reminders a tab shows, and every rule about them, without any DOM: one entry per `reminderId` however often it
 * is delivered; Dismiss and Snooze go to the server, and the server's push (`reminder.dismissed`) takes the reminder
 * off every tab, this one included.
 */
export class ReminderBoard {
  private readonly shown = new Map<string, ShownReminder>();
  private readonly seen = new Map<string, Seen>();
  private readonly listeners = new Set<(change: ReminderBoardChange) => void>();

  constructor(private readonly actions: ReminderActions, private readonly now: () => number = () => Date.now()) {}

  /** Shown reminders, in the order they arrived. */
  get reminders(): readonly ShownReminder[] {
    return [...this.shown.values()];
  }

  subscribe(listener: (change: ReminderBoardChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A `reminder` frame arrived; true when it is shown now, false for a copy of one already handled. */
  receive(reminder: ReminderMessage): boolean {
    const now = this.now();
    this.forgetOld(now);
    const seen = this.seen.get(reminder.reminderId);
    if (seen?.state === 'showing' || seen?.state === 'dismissed') return false;
    if (seen?.state === 'closed' && now - seen.at < REPEAT_DELIVERY_WINDOW_MS) return false;
    this.seen.set(reminder.reminderId, { state: 'showing', at: now });
    this.shown.set(reminder.reminderId, { reminder, pending: null, error: null });
    this.emit({ kind: 'shown', reminder });
    return true;
  }

  /**
   * The server says the reminder was dismissed or snoozed (here or elsewhere): it leaves the screen. A copy that was
   * already on its way is still recognised; a snoozed one coming back minutes later is shown again.
   */
  closedElsewhere(reminderId: string): void {
    const seen = this.seen.get(reminderId);
    if (seen?.state !== 'dismissed') this.seen.set(reminderId, { state: 'closed', at: this.now() });
    this.remove(reminderId);
  }

  dismiss(reminderId: string): Promise<void> {
    return this.act(reminderId, 'dismiss');
  }

  snooze(reminderId: string): Promise<void> {
    return this.act(reminderId, 'snooze');
  }

  /** Takes everything off the screen (sign-out); ids already seen stay remembered. */
  clear(): void {
    for (const id of [...this.shown.keys()]) this.remove(id);
  }

  private async act(reminderId: string, action: 'dismiss' | 'snooze'): Promise<void> {
    const current = this.shown.get(reminderId);
    if (current === undefined || current.pending !== null) return;
    this.update(reminderId, { ...current, pending: action, error: null });
    try {
      await (action === 'dismiss' ? this.actions.dismiss(reminderId) : this.actions.snooze(reminderId));
    } catch (error) {
      const after = this.shown.get(reminderId);
      if (after !== undefined) {
        const verb = action === 'dismiss' ? 'dismissed' : 'snoozed';
        this.update(reminderId, { ...after, pending: null, error: `It could not be ${verb}: ${errorText(error)}` });
      }
      return;
    }
    // Off the screen at once; the push that follows finds it gone.
    this.seen.set(reminderId, { state: action === 'dismiss' ? 'dismissed' : 'closed', at: this.now() });
    this.remove(reminderId);
  }

  private update(reminderId: string, next: ShownReminder): void {
    this.shown.set(reminderId, next);
    this.emit({ kind: 'updated', reminderId });
  }

  private remove(reminderId: string): void {
    if (!this.shown.delete(reminderId)) return;
    this.emit({ kind: 'closed', reminderId });
  }

  private forgetOld(now: number): void {
    for (const [id, seen] of this.seen) {
      if (seen.state !== 'showing' && now - seen.at > FORGET_AFTER_MS) this.seen.delete(id);
    }
  }

  private emit(change: ReminderBoardChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
