import type { ReminderMessage } from '../realtime/ReminderMessage';
import { button, element } from '../ui/Elements';
import type { DateTextOptions } from '../ui/DateText';
import type { ReminderBoard, ShownReminder } from './ReminderBoard';
import { startsText } from './ReminderText';

export interface ReminderToastsOptions {
  readonly board: ReminderBoard;
  readonly dates: DateTextOptions;
  /** Moves the calendar to the reminded event. */
  readonly showEvent: (reminder: ReminderMessage) => void;
  readonly now?: () => Date;
}

interface ToastParts {
  readonly toast: HTMLElement;
  readonly when: HTMLElement;
  readonly error: HTMLElement;
  readonly dismiss: HTMLButtonElement;
  readonly snooze: HTMLButtonElement;
}

/** How often "Starts in N minutes" is written again while a toast is up. */
const REFRESH_MS = 30_000;

/**
 * The reminders in the page: one toast per reminder on the board, with "Dismiss" and "Snooze 5 min". It only draws
 * the board and forwards clicks; the board holds the rules. A manual popover, so it shows above an open event dialog
 * as the notice does (while a modal dialog is open the page behind it, this included, takes no clicks until it closes).
 */
export class ReminderToasts {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  private readonly unsubscribe: () => void;
  private readonly now: () => Date;
  private readonly toasts = new Map<string, ToastParts>();
  private refreshTimer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly options: ReminderToastsOptions) {
    this.now = options.now ?? (() => new Date());
    this.element = element('section', 'reminder-toasts', 'reminder-toasts');
    this.element.setAttribute('aria-label', 'Reminders');
    this.element.setAttribute('popover', 'manual');
    this.element.hidden = true;
    this.list = element('div', 'reminder-toast-list');
    // Read out as they arrive, without taking focus from what the person is doing.
    this.list.setAttribute('role', 'log');
    this.list.setAttribute('aria-live', 'polite');
    this.element.append(this.list);
    this.unsubscribe = options.board.subscribe((change) => this.render(change.kind === 'shown'));
  }

  destroy(): void {
    this.unsubscribe();
    this.stopRefresh();
    this.hidePopover();
    this.element.remove();
  }

  private render(arrived: boolean): void {
    const shown = this.options.board.reminders;
    const ids = new Set(shown.map((item) => item.reminder.reminderId));
    for (const [id, parts] of this.toasts) {
      if (!ids.has(id)) {
        parts.toast.remove();
        this.toasts.delete(id);
      }
    }
    // Toasts are kept and updated in place, so a button that has focus keeps it while another reminder comes or goes.
    for (const item of shown) {
      let parts = this.toasts.get(item.reminder.reminderId);
      if (parts === undefined) {
        parts = this.createToast(item.reminder);
        this.toasts.set(item.reminder.reminderId, parts);
        this.list.append(parts.toast);
      }
      this.update(parts, item);
    }
    if (shown.length === 0) {
      this.stopRefresh();
      this.hidePopover();
      this.element.hidden = true;
      return;
    }
    this.element.hidden = false;
    if (this.refreshTimer === null) this.refreshTimer = setInterval(() => this.render(false), REFRESH_MS);
    if (supportsPopover(this.element)) {
      // A new reminder goes above anything that entered the top layer since (the event dialog, the notice).
      if (arrived && this.element.matches(':popover-open')) this.element.hidePopover();
      if (!this.element.matches(':popover-open')) this.element.showPopover();
    }
  }

  private createToast(reminder: ReminderMessage): ToastParts {
    const toast = element('article', 'reminder-toast', 'reminder-toast');
    toast.dataset['reminderId'] = reminder.reminderId;
    toast.dataset['eventId'] = reminder.eventId;

    const title = button(reminder.title.length > 0 ? reminder.title : '(no title)', { className: 'reminder-title', testId: 'reminder-title' });
    title.title = 'Show in the calendar';
    title.addEventListener('click', () => this.options.showEvent(reminder));
    const when = element('p', 'reminder-when', 'reminder-when');
    const error = element('p', 'reminder-error', 'reminder-error');
    error.setAttribute('role', 'alert');
    error.hidden = true;

    const dismiss = button('Dismiss', { className: 'primary', testId: 'reminder-dismiss' });
    const snooze = button('Snooze 5 min', { testId: 'reminder-snooze' });
    dismiss.addEventListener('click', () => void this.options.board.dismiss(reminder.reminderId));
    snooze.addEventListener('click', () => void this.options.board.snooze(reminder.reminderId));
    const actions = element('div', 'reminder-actions');
    actions.append(snooze, dismiss);

    toast.append(title, when, error, actions);
    return { toast, when, error, dismiss, snooze };
  }

  private update(parts: ToastParts, item: ShownReminder): void {
    parts.when.textContent = startsText(new Date(item.reminder.start), this.now(), this.options.dates);
    parts.error.textContent = item.error ?? '';
    parts.error.hidden = item.error === null;
    parts.dismiss.disabled = item.pending !== null;
    parts.snooze.disabled = item.pending !== null;
    if (item.pending !== null) parts.toast.setAttribute('aria-busy', 'true');
    else parts.toast.removeAttribute('aria-busy');
  }

  private stopRefresh(): void {
    if (this.refreshTimer !== null) {
      clearInterval(this.refreshTimer);
      this.refreshTimer = null;
    }
  }

  private hidePopover(): void {
    if (supportsPopover(this.element) && this.element.matches(':popover-open')) this.element.hidePopover();
  }
}

function supportsPopover(node: HTMLElement): boolean {
  return typeof node.showPopover === 'function' && node.isConnected;
}
