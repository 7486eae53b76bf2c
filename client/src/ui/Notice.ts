import { button, element } from './Elements';

const DEFAULT_DURATION_MS = 8000;

/**
 * A short message at the top of the page. It is a manual popover so that it shows above an open
 * modal dialog too (both live in the top layer; the later one is on top).
 */
export class Notice {
  readonly element: HTMLElement;
  private readonly text: HTMLElement;
  private hideTimer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    this.element = element('div', 'notice');
    this.element.setAttribute('role', 'status');
    this.element.setAttribute('popover', 'manual');
    this.element.hidden = true;

    this.text = element('span', undefined, 'notice');

    const close = button('×', { className: 'notice-close' });
    close.setAttribute('aria-label', 'Dismiss');
    close.addEventListener('click', () => this.hide());

    this.element.append(this.text, close);
  }

  show(message: string, durationMs = DEFAULT_DURATION_MS): void {
    this.text.textContent = message;
    this.element.hidden = false;
    if (supportsPopover(this.element)) {
      // Re-opening moves it above anything that entered the top layer since (e.g. the event dialog).
      if (this.element.matches(':popover-open')) this.element.hidePopover();
      this.element.showPopover();
    }
    if (this.hideTimer !== null) clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => this.hide(), durationMs);
  }

  hide(): void {
    if (this.hideTimer !== null) {
      clearTimeout(this.hideTimer);
      this.hideTimer = null;
    }
    if (supportsPopover(this.element) && this.element.matches(':popover-open')) this.element.hidePopover();
    this.element.hidden = true;
    this.text.textContent = '';
  }
}

function supportsPopover(element: HTMLElement): boolean {
  return typeof element.showPopover === 'function' && element.isConnected;
}
