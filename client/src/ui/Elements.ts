/**
 * The few element shapes every screen builds: an element with a class and a `data-testid`, buttons that never submit
 * by accident, inputs and captioned labels. Text goes in through textContent only, never as HTML.
 */

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, testId?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className !== undefined && className.length > 0) node.className = className;
  if (testId !== undefined) node.dataset['testid'] = testId;
  return node;
}

export interface ButtonOptions {
  readonly className?: string;
  readonly testId?: string;
  /** "button" unless said otherwise: a button inside a form would otherwise submit it. */
  readonly type?: 'button' | 'submit';
}

export function button(text: string, options: ButtonOptions = {}): HTMLButtonElement {
  const node = element('button', options.className, options.testId);
  node.type = options.type ?? 'button';
  node.textContent = text;
  return node;
}

export function input(type: string, testId?: string): HTMLInputElement {
  const node = element('input', undefined, testId);
  node.type = type;
  return node;
}

/** A label around its control with a caption above it, so the control's accessible name is the caption. */
export function labelled(caption: string, control: HTMLElement): HTMLLabelElement {
  const label = element('label');
  const text = element('span');
  text.textContent = caption;
  label.append(text, control);
  return label;
}

/** An <option> of a <select> (built like every other element, not with the `Option` constructor). */
export function option(text: string, value: string): HTMLOptionElement {
  const node = element('option');
  node.textContent = text;
  node.value = value;
  return node;
}
