import type { EditScope } from '../api/EditScope';
import { button, element } from '../ui/Elements';

/** What is being done to an occurrence of a series; it names the prompt. */
export type ScopeAction = 'change' | 'move' | 'delete';

export interface ScopeQuestion {
  readonly action: ScopeAction;
  /**
   * False when the change cannot apply to one occurrence alone (a new rule, or all-day to timed): then only the
   * series-wide answers are offered.
   */
  readonly offerThis: boolean;
}

const HEADINGS: Readonly<Record<ScopeAction, string>> = {
  change: 'Change recurring event',
  move: 'Move recurring event',
  delete: 'Delete recurring event',
};

/**
 * Asks which occurrences of a series a change reaches, as Google Calendar does: "This event", "This and following
 * events", "All events", or Cancel (also Escape). A modal <dialog>, so it stacks above the event dialog and keeps
 * focus inside until answered.
 */
export class ScopePrompt {
  readonly element: HTMLDialogElement;
  private readonly heading: HTMLHeadingElement;
  private readonly note: HTMLParagraphElement;
  private readonly thisButton: HTMLButtonElement;
  private readonly followingButton: HTMLButtonElement;
  private readonly allButton: HTMLButtonElement;
  private answer: ((scope: EditScope | null) => void) | null = null;

  constructor() {
    this.element = element('dialog', 'scope-prompt', 'scope-prompt');
    this.element.setAttribute('aria-labelledby', 'scope-prompt-heading');
    this.element.setAttribute('aria-describedby', 'scope-prompt-note');
    this.heading = element('h2');
    this.heading.id = 'scope-prompt-heading';
    this.note = element('p', 'scope-note');
    this.note.id = 'scope-prompt-note';
    this.thisButton = button('This event', { testId: 'scope-this' });
    this.followingButton = button('This and following events', { testId: 'scope-following' });
    this.allButton = button('All events', { testId: 'scope-all' });
    const cancel = button('Cancel', { testId: 'scope-cancel' });
    const choices = element('div', 'scope-choices');
    choices.append(this.thisButton, this.followingButton, this.allButton);
    const footer = element('div', 'dialog-actions');
    footer.append(element('span', 'spacer'), cancel);
    this.element.append(this.heading, this.note, choices, footer);

    this.thisButton.addEventListener('click', () => this.finish('this'));
    this.followingButton.addEventListener('click', () => this.finish('following'));
    this.allButton.addEventListener('click', () => this.finish('all'));
    cancel.addEventListener('click', () => this.finish(null));
    // Escape: the browser closes the dialog itself; the answer is "cancel".
    this.element.addEventListener('cancel', (event) => {
      event.preventDefault();
      this.finish(null);
    });
  }

  get isOpen(): boolean {
    return this.element.open;
  }

  /** Shows the question; resolves with the chosen scope, or null when cancelled (or when asked again meanwhile). */
  ask(question: ScopeQuestion): Promise<EditScope | null> {
    this.finish(null);
    this.heading.textContent = HEADINGS[question.action];
    this.note.textContent = question.offerThis
      ? 'This event repeats. Which occurrences should this apply to?'
      : 'This change applies to the series, so it cannot be made to this event alone.';
    this.thisButton.hidden = !question.offerThis;
    if (!this.element.open) this.element.showModal();
    (question.offerThis ? this.thisButton : this.followingButton).focus();
    return new Promise((resolve) => {
      this.answer = resolve;
    });
  }

  /** Closes the prompt as cancelled (the page is going away). */
  dismiss(): void {
    this.finish(null);
  }

  private finish(scope: EditScope | null): void {
    const answer = this.answer;
    this.answer = null;
    if (this.element.open) this.element.close();
    answer?.(scope);
  }
}
