import type { EventChange } from '../api/ChatExchange';
import type { ChatMessage, ChatPanelSnapshot, ChatPanelState } from './ChatPanelState';
import { button, element } from '../ui/Elements';
import { eventChangeText } from './EventChangeText';

export interface ChatPanelOptions {
  readonly state: ChatPanelState;
  readonly timeZone: string;
  /** BCP 47 locale for event times; the browser's when left out. */
  readonly locale?: string;
  /** Moves the calendar to where a changed event starts. */
  readonly showEvent: (change: EventChange) => void;
  /** Whether the calendar knows the event as an all-day one, so its change shows a date without a time. */
  readonly isAllDay: (eventId: string) => boolean;
}

const PANEL_ID = 'chat-panel';

/**
 * The chat beside the calendar: the conversation, the events each answer changed, and the message
 * input. It only draws ChatPanelState's snapshots and forwards input; every rule lives in the state.
 * Message text goes in through textContent only.
 */
export class ChatPanel {
  readonly element: HTMLElement;
  /** Opens and closes the panel on narrow screens (CSS hides it on wide ones); belongs in the top bar. */
  readonly toggleButton: HTMLButtonElement;
  private readonly status: HTMLElement;
  private readonly unavailable: HTMLElement;
  private readonly unavailableText: HTMLElement;
  private readonly retryButton: HTMLButtonElement;
  private readonly log: HTMLOListElement;
  private readonly pendingItem: HTMLLIElement;
  private readonly announcer: HTMLElement;
  private readonly errorBox: HTMLElement;
  private readonly errorText: HTMLElement;
  private readonly input: HTMLTextAreaElement;
  private readonly draftProblem: HTMLElement;
  private readonly sendButton: HTMLButtonElement;
  private readonly rendered = new Set<number>();
  private readonly unsubscribe: () => void;

  constructor(private readonly options: ChatPanelOptions) {
    this.element = element('aside', 'chat-panel', 'chat-panel');
    this.element.id = PANEL_ID;
    this.element.setAttribute('aria-labelledby', 'chat-heading');
    this.element.dataset['open'] = 'false';

    this.toggleButton = button('Chat', { className: 'chat-toggle', testId: 'chat-toggle' });
    this.toggleButton.setAttribute('aria-controls', PANEL_ID);
    this.toggleButton.setAttribute('aria-expanded', 'false');
    this.toggleButton.addEventListener('click', () => this.setOpen(this.element.dataset['open'] !== 'true'));

    const header = element('header', 'chat-header');
    const heading = element('h2', 'chat-heading');
    heading.id = 'chat-heading';
    heading.textContent = 'Assistant';
    const close = button('×', { className: 'chat-close', testId: 'chat-close' });
    close.setAttribute('aria-label', 'Close the chat');
    close.addEventListener('click', () => this.setOpen(false));
    header.append(heading, close);

    this.status = element('p', 'chat-status', 'chat-status');
    this.status.setAttribute('role', 'status');

    this.unavailable = element('div', 'chat-unavailable', 'chat-unavailable');
    this.unavailable.setAttribute('role', 'status');
    this.unavailableText = element('p');
    this.retryButton = button('Try again', { className: 'chat-retry' });
    this.retryButton.addEventListener('click', () => void options.state.checkAvailability());
    this.unavailable.append(this.unavailableText, this.retryButton);

    this.log = element('ol', 'chat-log', 'chat-log');
    this.log.setAttribute('aria-label', 'Conversation');
    this.pendingItem = element('li');

    // Only answers are announced (the user knows what they typed), so the live region is separate from the log.
    this.announcer = element('div', 'visually-hidden', 'chat-announcer');
    this.announcer.setAttribute('aria-live', 'polite');

    this.errorBox = element('div', 'chat-error', 'chat-error');
    this.errorBox.setAttribute('role', 'alert');
    this.errorText = element('p');
    const dismiss = button('×', { className: 'notice-close', testId: 'chat-error-dismiss' });
    dismiss.setAttribute('aria-label', 'Dismiss');
    dismiss.addEventListener('click', () => options.state.dismissError());
    this.errorBox.append(this.errorText, dismiss);

    const form = element('form', 'chat-form');
    const label = element('label');
    label.textContent = 'Message';
    label.htmlFor = 'chat-input';
    this.input = element('textarea', undefined, 'chat-input');
    this.input.id = 'chat-input';
    this.input.rows = 3;
    this.input.placeholder = 'Lunch with Sam next Tuesday at noon';
    this.input.setAttribute('aria-describedby', 'chat-input-hint chat-draft-problem');
    const hint = element('span', 'chat-hint');
    hint.id = 'chat-input-hint';
    hint.textContent = 'Enter sends, Shift+Enter starts a new line.';
    this.draftProblem = element('p', 'chat-draft-problem', 'chat-draft-problem');
    this.draftProblem.id = 'chat-draft-problem';
    this.sendButton = button('Send', { className: 'primary', testId: 'chat-send', type: 'submit' });
    const footer = element('div', 'chat-form-footer');
    footer.append(hint, this.sendButton);
    form.append(label, this.input, this.draftProblem, footer);

    this.input.addEventListener('input', () => options.state.updateDraft(this.input.value));
    this.input.addEventListener('keydown', (event) => {
      // isComposing: Enter that confirms an IME composition must not send.
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        void options.state.send();
      }
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void options.state.send();
    });

    this.element.append(header, this.status, this.unavailable, this.log, this.announcer, this.errorBox, form);
    this.unsubscribe = options.state.subscribe((snapshot) => this.render(snapshot));
    this.render(options.state.snapshot);
  }

  destroy(): void {
    this.unsubscribe();
    this.element.remove();
    this.toggleButton.remove();
  }

  private setOpen(open: boolean): void {
    this.element.dataset['open'] = String(open);
    this.toggleButton.setAttribute('aria-expanded', String(open));
    if (open) this.input.focus();
    // The toggle is hidden on wide screens (offsetParent null): focus only goes back to it where it shows.
    else if (this.toggleButton.offsetParent !== null) this.toggleButton.focus();
  }

  private render(snapshot: ChatPanelSnapshot): void {
    const availability = snapshot.availability;
    this.status.hidden = availability.kind !== 'checking';
    this.status.textContent = availability.kind === 'checking' ? 'Checking whether the chat is available…' : '';
    this.unavailable.hidden = availability.kind !== 'unavailable';
    this.unavailableText.textContent = availability.kind === 'unavailable' ? availability.message : '';
    this.retryButton.hidden = availability.kind !== 'unavailable' || !availability.canRetry;

    for (const message of snapshot.messages) {
      if (this.rendered.has(message.id)) continue;
      this.rendered.add(message.id);
      this.log.append(this.messageItem(message, false));
      if (message.role === 'assistant') this.announce(message);
    }
    this.renderPending(snapshot.pending);
    this.log.setAttribute('aria-busy', String(snapshot.pending !== null));

    this.errorBox.hidden = snapshot.error === null;
    this.errorText.textContent = snapshot.error?.message ?? '';
    if (snapshot.error === null) delete this.errorBox.dataset['kind'];
    else this.errorBox.dataset['kind'] = snapshot.error.kind;

    if (this.input.value !== snapshot.draft) this.input.value = snapshot.draft;
    this.input.disabled = availability.kind !== 'available';
    // Read-only rather than disabled while waiting: the text stays selectable and focus stays put.
    this.input.readOnly = snapshot.pending !== null;
    this.input.setAttribute('aria-invalid', String(snapshot.draftProblem !== null));
    this.draftProblem.hidden = snapshot.draftProblem === null;
    this.draftProblem.textContent = snapshot.draftProblem ?? '';
    this.sendButton.disabled = !snapshot.canSend;
    this.sendButton.textContent = snapshot.pending === null ? 'Send' : 'Sending…';

    this.log.scrollTop = this.log.scrollHeight;
  }

  private renderPending(pending: ChatMessage | null): void {
    if (pending === null) {
      this.pendingItem.remove();
      return;
    }
    if (this.pendingItem.dataset['messageId'] === String(pending.id) && this.pendingItem.isConnected) return;
    const question = this.messageItem(pending, true);
    const thinking = element('p', 'chat-thinking', 'chat-pending');
    // The dots are drawn by CSS (animated unless reduced motion is asked for).
    thinking.textContent = 'Working on it';
    this.pendingItem.replaceChildren(...question.childNodes, thinking);
    this.pendingItem.className = question.className;
    Object.assign(this.pendingItem.dataset, question.dataset);
    this.pendingItem.dataset['messageId'] = String(pending.id);
    this.log.append(this.pendingItem);
  }

  private messageItem(message: ChatMessage, pending: boolean): HTMLLIElement {
    const item = element('li', `chat-message chat-${message.role}`, 'chat-message');
    item.dataset['role'] = message.role;
    if (pending) item.dataset['pending'] = 'true';
    const bubble = element('p', 'chat-bubble');
    bubble.textContent = message.content;
    item.append(bubble);
    if (message.changes.length > 0) {
      const list = element('ul', 'chat-changes');
      list.setAttribute('aria-label', 'Events changed');
      for (const change of message.changes) list.append(this.changeItem(change));
      item.append(list);
    }
    return item;
  }

  private changeItem(change: EventChange): HTMLLIElement {
    const text = eventChangeText(change, { timeZone: this.options.timeZone, locale: this.options.locale, allDay: this.options.isAllDay(change.eventId) });
    const item = element('li');
    const control = change.start === null ? element('span', 'chat-change', 'chat-change') : button('', { className: 'chat-change', testId: 'chat-change' });
    control.dataset['op'] = change.op;
    control.dataset['changedEventId'] = change.eventId;
    const action = element('span', 'chat-change-op');
    action.textContent = text.action;
    const title = element('span', 'chat-change-title');
    title.textContent = text.title;
    control.append(action, title);
    if (text.when !== null) {
      const when = element('span', 'chat-change-when');
      when.textContent = text.when;
      control.append(when);
    }
    if (control instanceof HTMLButtonElement) {
      control.title = 'Show in the calendar';
      control.addEventListener('click', () => {
        this.options.showEvent(change);
        // On narrow screens the open panel covers the calendar it just moved.
        if (this.element.dataset['open'] === 'true') this.setOpen(false);
      });
    }
    item.append(control);
    return item;
  }

  private announce(message: ChatMessage): void {
    const count = message.changes.length;
    const changed = count === 0 ? '' : ` ${count} event${count === 1 ? '' : 's'} changed.`;
    this.announcer.textContent = `Assistant: ${message.content}${changed}`;
  }
}
