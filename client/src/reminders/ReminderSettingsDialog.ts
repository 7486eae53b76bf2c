import type { ReminderOverride } from '../api/ReminderOverride';
import { button, element } from '../ui/Elements';
import { errorText } from '../ui/ErrorText';
import { ReminderControls } from './ReminderControls';
import type { ReminderEnabler, ReminderReach } from './ReminderEnabler';

/** Where the dialog reads and writes the defaults; RemindersApi is the real one. */
export interface DefaultRemindersSource {
  defaults(): Promise<ReminderOverride[]>;
  saveDefaults(defaults: readonly ReminderOverride[]): Promise<ReminderOverride[]>;
}

export interface ReminderSettingsDialogOptions {
  readonly source: DefaultRemindersSource;
  readonly enabler: ReminderEnabler;
  /** The defaults changed (saved here, or read afresh): the event dialog names them. */
  readonly defaultsChanged: (defaults: readonly ReminderOverride[]) => void;
  /** Notification permission or push changed: the toolbar button shows it. */
  readonly reachChanged: (reach: ReminderReach) => void;
}

/**
 * The toolbar's "Reminders" settings: how reminders reach this browser, with "Enable reminders" (the one place the
 * notification permission is asked for, from its click), and the default reminders every event that uses the
 * defaults gets (`PUT /api/settings/reminders`).
 */
export class ReminderSettingsDialog {
  readonly element: HTMLDialogElement;
  private readonly reachText: HTMLElement;
  private readonly enableButton: HTMLButtonElement;
  private readonly defaults = new ReminderControls({ testIdPrefix: 'default-reminder', offerDefault: false, legend: 'Default reminders' });
  private readonly status: HTMLElement;
  private readonly errorBox: HTMLElement;
  private readonly saveButton: HTMLButtonElement;
  private opened = 0;
  private loaded = false;

  constructor(private readonly options: ReminderSettingsDialogOptions) {
    this.element = element('dialog', 'reminder-settings', 'reminder-settings');
    this.element.setAttribute('aria-labelledby', 'reminder-settings-heading');
    const form = element('form');
    form.noValidate = true;
    const heading = element('h2');
    heading.id = 'reminder-settings-heading';
    heading.textContent = 'Reminders';

    this.reachText = element('p', 'reminder-reach', 'reminder-reach');
    this.enableButton = button('Enable reminders', { testId: 'enable-reminders', className: 'primary' });
    const reach = element('div', 'reminder-reach-row');
    reach.append(this.reachText, this.enableButton);

    const explain = element('p', 'reminders-note');
    explain.textContent = 'Events set to use the default reminders get these; each event can have its own instead.';
    this.status = element('p', 'reminders-note', 'reminder-settings-status');
    this.status.setAttribute('role', 'status');
    this.errorBox = element('div', 'dialog-error', 'reminder-settings-error');
    this.errorBox.setAttribute('role', 'alert');
    this.errorBox.hidden = true;

    const cancel = button('Cancel', { testId: 'reminder-settings-cancel' });
    this.saveButton = button('Save', { testId: 'reminder-settings-save', type: 'submit', className: 'primary' });
    const footer = element('div', 'dialog-actions');
    footer.append(element('span', 'spacer'), cancel, this.saveButton);

    form.append(heading, reach, this.defaults.element, explain, this.status, this.errorBox, footer);
    this.element.append(form);

    this.enableButton.addEventListener('click', () => void this.enable());
    cancel.addEventListener('click', () => this.close());
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.save();
    });
    this.element.addEventListener('close', () => this.opened++);
  }

  get isOpen(): boolean {
    return this.element.open;
  }

  open(): void {
    this.showReach(this.options.enabler.reach);
    this.clearError();
    if (!this.element.open) this.element.showModal();
    const opened = ++this.opened;
    this.loaded = false;
    this.defaults.setDisabled(true);
    this.saveButton.disabled = true;
    this.status.textContent = 'Loading your default reminders…';
    this.status.hidden = false;
    this.options.source.defaults().then(
      (defaults) => {
        if (opened !== this.opened) return;
        this.loaded = true;
        this.defaults.show({ useDefault: false, overrides: defaults });
        this.defaults.setDisabled(false);
        this.saveButton.disabled = false;
        this.status.hidden = true;
        this.options.defaultsChanged(defaults);
      },
      (error: unknown) => {
        if (opened !== this.opened) return;
        this.status.textContent = `Your default reminders could not be loaded: ${errorText(error)}`;
      },
    );
    (this.enableButton.hidden ? this.element : this.enableButton).focus();
  }

  close(): void {
    if (this.element.open) this.element.close();
  }

  private async enable(): Promise<void> {
    this.enableButton.disabled = true;
    try {
      const reach = await this.options.enabler.enable();
      this.showReach(reach);
      this.options.reachChanged(reach);
    } finally {
      this.enableButton.disabled = false;
    }
  }

  private showReach(reach: ReminderReach): void {
    this.reachText.textContent = reachText(reach);
    this.reachText.dataset['notifications'] = reach.notifications;
    this.enableButton.hidden = !this.options.enabler.canEnable;
    this.enableButton.textContent = reach.notifications === 'granted' ? 'Also when no tab is open' : 'Enable reminders';
  }

  private async save(): Promise<void> {
    if (!this.loaded) return;
    const reading = this.defaults.read();
    if (!reading.ok) {
      this.showError(reading.errors.map((e) => e.message));
      return;
    }
    this.clearError();
    this.saveButton.disabled = true;
    try {
      const stored = await this.options.source.saveDefaults(reading.reminders.overrides);
      this.options.defaultsChanged(stored);
      this.close();
    } catch (error) {
      this.showError([`Could not save: ${errorText(error)}`]);
    } finally {
      this.saveButton.disabled = false;
    }
  }

  private showError(lines: readonly string[]): void {
    this.errorBox.replaceChildren(...lines.map((line) => {
      const p = element('p');
      p.textContent = line;
      return p;
    }));
    this.errorBox.hidden = false;
  }

  private clearError(): void {
    this.errorBox.replaceChildren();
    this.errorBox.hidden = true;
  }
}

/** How reminders reach this browser, in a sentence. */
export function reachText(reach: ReminderReach): string {
  const push = reach.push === 'on'
    ? ' They also reach this browser when no tab is open.'
    : reach.push === 'failed' ? ` Reminders while no tab is open could not be turned on: ${reach.pushError ?? 'unknown error'}.` : '';
  switch (reach.notifications) {
    case 'granted': return `Reminders show as system notifications and in the page.${push}`;
    case 'denied': return 'Notifications are blocked for this site in the browser\u2019s settings, so reminders show in the page only.';
    case 'unsupported': return 'This browser has no system notifications here, so reminders show in the page only.';
    case 'default': return 'Reminders show in the page. Enable them to get system notifications too.';
  }
}
