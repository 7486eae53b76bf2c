import { isSeries, type CalendarEvent, type EventDraft } from '../api/CalendarEvent';
import type { ChatApi } from '../api/ChatApi';
import type { EditScope } from '../api/EditScope';
import type { EventChange } from '../api/ChatExchange';
import type { EventsApi } from '../api/EventsApi';
import { ProblemError } from '../api/ProblemError';
import type { RemindersApi } from '../api/RemindersApi';
import { ChatPanel } from '../chat/ChatPanel';
import { ChatPanelState } from '../chat/ChatPanelState';
import type { ServerMessage } from '../realtime/ChangeMessage';
import { RealtimeConnection } from '../realtime/RealtimeConnection';
import type { NotificationHost } from '../reminders/NotificationHost';
import { ReminderBoard } from '../reminders/ReminderBoard';
import { ReminderEnabler, type PushReminderControl, type ReminderReach } from '../reminders/ReminderEnabler';
import { ReminderSettingsDialog } from '../reminders/ReminderSettingsDialog';
import { ReminderToasts } from '../reminders/ReminderToasts';
import { SystemNotifier } from '../reminders/SystemNotifier';
import { ConnectionStatusIndicator } from '../ui/ConnectionStatusIndicator';
import { button, element } from '../ui/Elements';
import { errorText } from '../ui/ErrorText';
import { Notice } from '../ui/Notice';
import { CalendarView } from './CalendarView';
import { EventChangeHandler } from './EventChangeHandler';
import { EventDialog, type DialogTarget } from './EventDialog';
import { draftFromMove, formValuesForRange, type PickedRange } from './EventForm';
import type { EventStore } from './EventStore';
import { browserTimeZone, utcDateOf } from './EventTimes';
import { ScopePrompt } from './ScopePrompt';

export const CHANGED_ELSEWHERE = 'This event was changed elsewhere; showing the latest version.';
export const DELETED_ELSEWHERE = 'This event was deleted elsewhere.';

export interface CalendarPageOptions {
  readonly events: EventsApi;
  readonly store: EventStore;
  readonly webSocketUrl: string;
  readonly requestTicket: () => Promise<string>;
  readonly signOut: () => void;
  /** The chat endpoint, or null when this deployment has no chat function (config.json chatEnabled). */
  readonly chat: ChatApi | null;
  /** Default reminders, and Dismiss and Snooze of a reminder that fired. */
  readonly reminders: RemindersApi;
  /** The browser's Notification API (asked for permission only from the "Enable reminders" click). */
  readonly notifications: NotificationHost;
  /** Web Push for this browser, when the deployment has it: offered from the same click as notifications. */
  readonly push?: PushReminderControl & { closeNotification(reminderId: string): Promise<void> };
  /** The toolbar's Google Calendar control, when the app has one. */
  readonly google?: { readonly element: HTMLElement; refresh(): Promise<void> };
}

/**
 * The signed-in screen: toolbar, calendar, dialog, notices and the live connection, and the rules
 * that tie them to the API (If-Match on every write, 412 means reload and say so, 404 means gone).
 * Editing, moving or deleting an occurrence of a series first asks which occurrences it reaches; whatever changes a
 * series has the visible range loaded again, since only the API expands series into occurrences.
 */
export class CalendarPage {
  private readonly shell: HTMLElement;
  private readonly view: CalendarView;
  private readonly dialog: EventDialog;
  private readonly scopePrompt = new ScopePrompt();
  private readonly changes: EventChangeHandler;
  private readonly notice = new Notice();
  private readonly status = new ConnectionStatusIndicator('reconnecting');
  private readonly connection: RealtimeConnection;
  private readonly chat: { readonly state: ChatPanelState; readonly panel: ChatPanel } | null;
  private readonly reminderBoard: ReminderBoard;
  private readonly reminderToasts: ReminderToasts;
  private readonly notifier: SystemNotifier;
  private readonly reminderEnabler: ReminderEnabler;
  private readonly reminderSettings: ReminderSettingsDialog;
  private readonly remindersButton: HTMLButtonElement;
  private loadAbort: AbortController | null = null;
  private readonly onOnline = (): void => this.connection.handleOnline();
  private readonly onOffline = (): void => this.connection.handleOffline();

  constructor(private readonly root: HTMLElement, private readonly options: CalendarPageOptions) {
    this.shell = element('div', 'app-shell');
    const dates = { timeZone: browserTimeZone() };
    this.reminderBoard = new ReminderBoard(options.reminders);
    this.reminderToasts = new ReminderToasts({
      board: this.reminderBoard,
      dates,
      showEvent: (reminder) => this.view.showDate(new Date(reminder.start)),
    });
    const push = options.push;
    // A push notification this device showed while no tab was open goes when the reminder is dealt with here.
    this.notifier = new SystemNotifier(this.reminderBoard, options.notifications, dates, () => window.focus(),
      push === undefined ? {} : { closeElsewhere: (id) => push.closeNotification(id) });
    this.reminderEnabler = new ReminderEnabler(options.notifications, options.push ?? null);
    this.reminderSettings = new ReminderSettingsDialog({
      source: options.reminders,
      enabler: this.reminderEnabler,
      defaultsChanged: (defaults) => this.dialog.setDefaultReminders(defaults),
      reachChanged: (reach) => this.showReach(reach),
    });
    this.remindersButton = button('Reminders', { testId: 'reminder-settings-open', className: 'reminders-open' });
    this.remindersButton.addEventListener('click', () => this.reminderSettings.open());
    this.showReach(this.reminderEnabler.reach);
    const host = element('main', 'calendar-host');
    this.chat = options.chat === null ? null : this.createChat(options.chat);
    const workspace = element('div', 'workspace');
    workspace.append(host);
    if (this.chat !== null) workspace.append(this.chat.panel.element);
    this.shell.append(this.toolbar(), workspace);

    this.dialog = new EventDialog({
      save: (target, draft) => this.save(target, draft),
      delete: (event) => this.delete(event),
      loadSeries: (seriesId) => this.options.events.get(seriesId),
      closed: () => this.view.unselect(),
    });
    this.changes = new EventChangeHandler(options.store, {
      reloadVisibleRange: () => void this.reloadVisibleRange(),
      removed: (ids) => {
        const editing = this.dialog.editingId;
        if (editing === null || !ids.includes(editing)) return;
        this.dialog.close();
        this.notice.show(DELETED_ELSEWHERE);
      },
    });

    this.view = new CalendarView(host, options.store, {
      rangeChanged: (from, to) => void this.load(from, to),
      rangeSelected: (range) => this.dialog.openForCreate(formValuesForRange(range, browserTimeZone())),
      eventClicked: (id) => this.openEvent(id),
      eventMoved: (id, range, revert) => void this.move(id, range, revert),
    });

    this.connection = new RealtimeConnection({
      webSocketUrl: options.webSocketUrl,
      requestTicket: options.requestTicket,
      onMessage: (message) => this.handleMessage(message),
      onConnected: () => void this.reloadVisibleRange(),
      onStateChange: (state) => this.status.show(state),
    });
  }

  start(): void {
    this.root.append(
      this.shell, this.dialog.element, this.scopePrompt.element, this.reminderSettings.element, this.reminderToasts.element, this.notice.element,
    );
    this.view.render();
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    this.connection.start();
    void this.chat?.state.checkAvailability();
    void this.options.google?.refresh();
    void this.loadDefaultReminders();
    void this.reminderEnabler.refresh().then((reach) => this.showReach(reach));
  }

  /** Shows a short message at the top of the page. */
  showNotice(message: string): void {
    this.notice.show(message);
  }

  destroy(): void {
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    this.loadAbort?.abort();
    this.connection.stop();
    this.chat?.state.destroy();
    this.chat?.panel.destroy();
    this.reminderBoard.clear();
    this.notifier.destroy();
    this.reminderToasts.destroy();
    this.reminderSettings.close();
    this.reminderSettings.element.remove();
    this.scopePrompt.dismiss();
    this.dialog.close();
    this.view.destroy();
    this.notice.hide();
    this.shell.remove();
    this.dialog.element.remove();
    this.scopePrompt.element.remove();
    this.notice.element.remove();
  }

  private toolbar(): HTMLElement {
    const bar = element('header', 'topbar');
    const name = element('span', 'app-name');
    name.textContent = 'Calendar';
    const spacer = element('span', 'spacer');
    const signOut = button('Sign out', { testId: 'signout' });
    signOut.addEventListener('click', () => this.options.signOut());
    bar.append(name, spacer);
    if (this.options.google !== undefined) bar.append(this.options.google.element);
    bar.append(this.status.element);
    if (this.chat !== null) bar.append(this.chat.panel.toggleButton);
    bar.append(this.remindersButton, signOut);
    return bar;
  }

  /** The toolbar's Reminders button says whether system notifications still wait to be enabled. */
  private showReach(reach: ReminderReach): void {
    this.remindersButton.dataset['notifications'] = reach.notifications;
    this.remindersButton.title = reach.notifications === 'default' ? 'Reminders: notifications not enabled yet' : 'Reminders';
  }

  /** The event dialog names the defaults beside "Use my default reminders"; without them it names none. */
  private async loadDefaultReminders(): Promise<void> {
    try {
      this.dialog.setDefaultReminders(await this.options.reminders.defaults());
    } catch (error) {
      console.warn('Could not load the default reminders', errorText(error));
    }
  }

  private createChat(api: ChatApi): { state: ChatPanelState; panel: ChatPanel } {
    const timeZone = browserTimeZone();
    // The conversation lives as long as this page: a sign-out (or another user signing in) starts afresh.
    const state = new ChatPanelState({ api, timeZone });
    const panel = new ChatPanel({
      state,
      timeZone,
      showEvent: (change) => this.showChangedEvent(change),
      isAllDay: (id) => this.options.store.get(id)?.allDay === true,
    });
    return { state, panel };
  }

  /**
   * Moves the calendar to an event the chat changed. The store's copy wins over the chat's answer: it may
   * have moved since. Changes themselves reach the store through the socket, never from the chat answer.
   */
  private showChangedEvent(change: EventChange): void {
    const event = this.options.store.get(change.eventId);
    if (event !== undefined) {
      this.view.showDate(event.allDay ? utcDateOf(event.start) : new Date(event.start));
    } else if (change.start !== null) {
      this.view.showDate(new Date(change.start));
    }
  }

  private async reloadVisibleRange(): Promise<void> {
    const range = this.view.visibleRange;
    if (range !== null) await this.load(range.from, range.to);
  }

  private async load(from: Date, to: Date): Promise<void> {
    this.loadAbort?.abort();
    const abort = new AbortController();
    this.loadAbort = abort;
    const mark = this.options.store.beginSnapshot();
    try {
      const events = await this.options.events.list(from, to, abort.signal);
      if (!abort.signal.aborted) this.options.store.applySnapshot(from, to, events, mark);
    } catch (error) {
      if (abort.signal.aborted) return;
      this.notice.show(`Could not load events: ${errorText(error)}`);
    } finally {
      if (this.loadAbort === abort) this.loadAbort = null;
    }
  }

  private handleMessage(message: ServerMessage): void {
    if (message.type === 'error') {
      console.warn('Real-time error from server', message.code, message.message);
      return;
    }
    switch (message.type) {
      case 'event.changed':
        this.changes.handle(message);
        break;
      case 'reminder':
        this.reminderBoard.receive(message);
        break;
      case 'reminder.dismissed':
      case 'reminder.snoozed':
        this.reminderBoard.closedElsewhere(message.reminderId);
        break;
      case 'pong':
        break;
    }
  }

  private openEvent(id: string): void {
    const event = this.options.store.get(id);
    if (event !== undefined) this.dialog.openForEdit(event);
  }

  private async save(target: DialogTarget, draft: EventDraft): Promise<void> {
    const event = target.kind === 'edit' ? target.event : null;
    // A new rule, or all-day to timed, cannot apply to one occurrence alone (the API refuses it with scope=this).
    const scope = await this.askScope(event, 'change', draft.recurrence === undefined && draft.allDay === event?.allDay);
    if (scope === null) return;
    try {
      if (event === null) {
        this.applyWritten(await this.options.events.create(draft), undefined);
      } else {
        this.applyWritten(await this.options.events.update(event.id, event.version, draft, scope), scope);
      }
      this.dialog.close();
    } catch (error) {
      await this.handleWriteFailure(error, event);
    }
  }

  private async delete(event: CalendarEvent): Promise<void> {
    const scope = await this.askScope(event, 'delete', true);
    if (scope === null) return;
    try {
      await this.options.events.delete(event.id, event.version, scope);
      this.applyDeleted(event, scope);
      this.dialog.close();
    } catch (error) {
      if (error instanceof ProblemError && error.status === 404) {
        // Already gone: that is what the user wanted.
        this.applyDeleted(event, scope);
        this.dialog.close();
        return;
      }
      await this.handleWriteFailure(error, event);
    }
  }

  private async move(id: string, range: PickedRange, revert: () => void): Promise<void> {
    const event = this.options.store.get(id);
    if (event === undefined) {
      revert();
      return;
    }
    const scope = await this.askScope(event, 'move', range.allDay === event.allDay);
    if (scope === null) {
      revert();
      return;
    }
    try {
      this.applyWritten(await this.options.events.update(id, event.version, draftFromMove(event, range), scope), scope);
    } catch (error) {
      revert();
      if (error instanceof ProblemError && (error.status === 412 || error.status === 404)) {
        await this.reloadAfterConflict(event);
      } else {
        this.notice.show(`Could not move the event: ${errorText(error)}`);
      }
    }
  }

  /**
   * Which occurrences a change to `event` reaches: undefined (no scope to send) for anything but an occurrence, null
   * when the user cancelled.
   */
  private async askScope(event: CalendarEvent | null, action: 'change' | 'move' | 'delete', offerThis: boolean): Promise<EditScope | undefined | null> {
    if (event === null || event.recurringEventId === null) return undefined;
    return this.scopePrompt.ask({ action, offerThis });
  }

  /**
   * Applies what a write answered: an event or a changed occurrence by version. A series (created, changed, split off
   * or made from a single event) and any change beyond one occurrence have the range loaded again.
   */
  private applyWritten(written: CalendarEvent, scope: EditScope | undefined): void {
    this.options.store.upsert(written);
    if (isSeries(written) || scope === 'following' || scope === 'all') void this.reloadVisibleRange();
  }

  private applyDeleted(event: CalendarEvent, scope: EditScope | undefined): void {
    if (scope === 'all' && event.recurringEventId !== null) {
      this.options.store.removeSeries(event.recurringEventId, event.version);
      return;
    }
    this.options.store.remove(event.id, event.version);
    if (scope === 'following') void this.reloadVisibleRange();
  }

  /** Write failures inside the dialog: conflicts reload, anything else is shown in the dialog. */
  private async handleWriteFailure(error: unknown, event: CalendarEvent | null): Promise<void> {
    if (event !== null && error instanceof ProblemError && (error.status === 412 || error.status === 404)) {
      await this.reloadAfterConflict(event);
      return;
    }
    if (error instanceof ProblemError) {
      this.dialog.showError({ title: error.title, detail: error.detail, errors: error.errors });
    } else {
      this.dialog.showError({ title: 'Something went wrong', detail: errorText(error) });
    }
  }

  /** Fetches the event's current version after a stale write; it may also have been deleted. */
  private async reloadAfterConflict(stale: CalendarEvent): Promise<void> {
    let latest: CalendarEvent;
    try {
      latest = await this.options.events.get(stale.id);
    } catch (error) {
      if (error instanceof ProblemError && error.status === 404) {
        this.options.store.remove(stale.id, stale.version);
        if (stale.recurringEventId !== null) void this.reloadVisibleRange();
        if (this.dialog.editingId === stale.id) this.dialog.close();
        this.notice.show(DELETED_ELSEWHERE);
        return;
      }
      if (this.dialog.editingId === stale.id) {
        this.dialog.showError({ title: 'This event was changed elsewhere', detail: `Could not load the latest version: ${errorText(error)}` });
      } else {
        this.notice.show(`This event was changed elsewhere, and the latest version could not be loaded: ${errorText(error)}`);
      }
      return;
    }
    this.options.store.upsert(latest);
    // The series moved on: every occurrence shown may be out of date, not only this one.
    if (stale.recurringEventId !== null) void this.reloadVisibleRange();
    if (this.dialog.editingId === stale.id) this.dialog.showLatest(latest);
    this.notice.show(CHANGED_ELSEWHERE);
  }
}
