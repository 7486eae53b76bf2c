import type { EventReminders } from '../api/EventReminders';
import type { FieldProblem } from '../api/ProblemError';
import { MAX_REMINDER_MINUTES, MAX_REMINDER_OVERRIDES, isReminderMinutes, popupReminder, type ReminderOverride } from '../api/ReminderOverride';
import { button, element, input, option } from '../ui/Elements';
import { MINUTES_PER_UNIT, REMINDER_UNITS, amountText, remindersText, splitMinutes, type ReminderUnit } from './ReminderText';

export interface ReminderControlsOptions {
  /**
   * Test ids start with it: `event-reminder` gives `event-reminders` (the fieldset), `event-reminders-default`,
   * `event-reminder` (a row), `event-reminder-amount`, `event-reminder-unit`, `event-reminder-remove`, `event-reminder-add`.
   */
  readonly testIdPrefix: string;
  /** Whether a "Use my default reminders" box is offered (an event's reminders), or the list is all there is (the defaults). */
  readonly offerDefault: boolean;
  readonly legend: string;
}

export type ReminderReading =
  | { readonly ok: true; readonly reminders: EventReminders }
  | { readonly ok: false; readonly errors: FieldProblem[] };

/** A new row: Google Calendar's own first choice. */
const NEW_ROW_MINUTES = 10;

interface Row {
  readonly element: HTMLElement;
  readonly amount: HTMLInputElement;
  readonly unit: HTMLSelectElement;
}

/**
 * Reminders as a list of "N minutes/hours/days/weeks before" rows, up to five (Google Calendar's limit), and for an
 * event a "Use my default reminders" box that hides the list and names the defaults instead. Unticking the box starts
 * the list from the defaults. An empty list means no reminder at all.
 */
export class ReminderControls {
  readonly element: HTMLFieldSetElement;
  private readonly useDefault: HTMLInputElement;
  private readonly defaultLabel: HTMLElement;
  private readonly defaultText: HTMLElement;
  private readonly listBox: HTMLElement;
  private readonly list: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly addButton: HTMLButtonElement;
  private readonly note: HTMLElement;
  private rows: Row[] = [];
  private defaults: readonly ReminderOverride[] | null = null;
  private disabled = false;

  constructor(private readonly options: ReminderControlsOptions) {
    const prefix = options.testIdPrefix;
    this.element = element('fieldset', 'reminders', `${prefix}s`);
    const legend = element('legend');
    legend.textContent = options.legend;

    this.useDefault = input('checkbox', `${prefix}s-default`);
    this.defaultText = element('span', 'reminders-default-text');
    this.defaultLabel = element('label', 'checkbox');
    this.defaultLabel.append(this.useDefault, document.createTextNode(' Use my default reminders'), this.defaultText);
    this.defaultLabel.hidden = !options.offerDefault;

    this.list = element('ul', 'reminder-rows');
    this.empty = element('p', 'reminders-empty');
    this.empty.textContent = 'No reminders.';
    this.addButton = button('Add reminder', { testId: `${prefix}-add` });
    this.note = element('p', 'reminders-note');
    this.listBox = element('div', 'reminders-list');
    this.listBox.append(this.list, this.empty, this.addButton);

    this.element.append(legend, this.defaultLabel, this.listBox, this.note);

    this.useDefault.addEventListener('change', () => {
      // Starting from the defaults is what someone adjusting "the usual" wants; none known yet starts one row.
      if (!this.useDefault.checked && this.rows.length === 0) this.fillRows(this.defaults ?? [popupReminder(NEW_ROW_MINUTES)]);
      this.updateVisibility();
    });
    this.addButton.addEventListener('click', () => {
      if (this.rows.length >= MAX_REMINDER_OVERRIDES) return;
      const row = this.addRow(this.nextRowMinutes());
      this.updateVisibility();
      row.amount.focus();
    });
    this.note.hidden = true;
    this.show({ useDefault: options.offerDefault, overrides: [] });
  }

  /** Shows an event's reminders (or, without the default box, a list of defaults as `{useDefault: false, overrides}`). */
  show(reminders: EventReminders): void {
    this.useDefault.checked = this.options.offerDefault && reminders.useDefault;
    this.fillRows(reminders.useDefault ? [] : reminders.overrides);
    this.markInvalid(false);
    this.updateVisibility();
  }

  /** The user's default reminders, named beside the box; null while unknown (they could not be read). */
  setDefaults(defaults: readonly ReminderOverride[] | null): void {
    this.defaults = defaults;
    this.defaultText.textContent = defaults === null ? '' : ` (${remindersText(defaults).toLowerCase()})`;
  }

  /** All-day events remind before their day begins, in the event's zone. */
  setAllDay(allDay: boolean): void {
    this.note.textContent = allDay ? 'For an all-day event, before the day begins (00:00 in the event\u2019s time zone).' : '';
    this.note.hidden = !allDay;
  }

  setDisabled(disabled: boolean): void {
    this.disabled = disabled;
    this.updateVisibility();
  }

  markInvalid(invalid: boolean): void {
    for (const row of this.rows) {
      if (invalid) row.amount.setAttribute('aria-invalid', 'true');
      else row.amount.removeAttribute('aria-invalid');
    }
  }

  /** The control a problem with the reminders is marked on. */
  get focusTarget(): HTMLElement {
    return this.rows[0]?.amount ?? this.useDefault;
  }

  /** What the controls hold, or which rows are out of range (0 minutes to 4 weeks, whole minutes). */
  read(): ReminderReading {
    if (this.options.offerDefault && this.useDefault.checked) return { ok: true, reminders: { useDefault: true, overrides: [] } };
    const errors: FieldProblem[] = [];
    const minutes = new Set<number>();
    this.rows.forEach((row, index) => {
      const value = Number(row.amount.value) * MINUTES_PER_UNIT[row.unit.value as ReminderUnit];
      if (row.amount.value.trim() === '' || !isReminderMinutes(value)) {
        row.amount.setAttribute('aria-invalid', 'true');
        errors.push({ field: `reminders.overrides[${index}].minutes`, message: `Reminder ${index + 1}: choose a whole number from 0 minutes to ${amountText(MAX_REMINDER_MINUTES / MINUTES_PER_UNIT.weeks, 'weeks')} before.` });
        return;
      }
      row.amount.removeAttribute('aria-invalid');
      minutes.add(value);
    });
    if (errors.length > 0) return { ok: false, errors };
    // The same time twice reminds once (Google keeps one too); earliest-firing last, as they are shown.
    return { ok: true, reminders: { useDefault: false, overrides: [...minutes].sort((a, b) => a - b).map(popupReminder) } };
  }

  private fillRows(overrides: readonly ReminderOverride[]): void {
    this.rows = [];
    this.list.replaceChildren();
    for (const override of overrides.slice(0, MAX_REMINDER_OVERRIDES)) this.addRow(override.minutes);
  }

  private addRow(minutes: number): Row {
    const prefix = this.options.testIdPrefix;
    const item = element('li', 'reminder-row', prefix);
    const amount = input('number', `${prefix}-amount`);
    amount.min = '0';
    amount.step = '1';
    amount.className = 'reminder-amount';
    amount.setAttribute('aria-label', 'How long before');
    const unit = element('select', undefined, `${prefix}-unit`);
    unit.setAttribute('aria-label', 'Unit');
    unit.append(...REMINDER_UNITS.map((u) => option(u, u)));
    const split = splitMinutes(minutes);
    amount.value = String(split.amount);
    unit.value = split.unit;
    const before = element('span');
    before.textContent = 'before';
    const remove = button('×', { className: 'reminder-remove', testId: `${prefix}-remove` });
    remove.setAttribute('aria-label', 'Remove this reminder');
    const row: Row = { element: item, amount, unit };
    remove.addEventListener('click', () => {
      this.rows = this.rows.filter((r) => r !== row);
      item.remove();
      this.updateVisibility();
      this.addButton.focus();
    });
    unit.addEventListener('change', () => this.limitAmount(row));
    this.limitAmount(row);
    item.append(amount, unit, before, remove);
    this.list.append(item);
    this.rows.push(row);
    return row;
  }

  /** The amount's upper bound follows the unit: 40,320 minutes, 672 hours, 28 days, 4 weeks. */
  private limitAmount(row: Row): void {
    row.amount.max = String(MAX_REMINDER_MINUTES / MINUTES_PER_UNIT[row.unit.value as ReminderUnit]);
  }

  /** A new row: 10 minutes, or a time no row has yet. */
  private nextRowMinutes(): number {
    const taken = new Set(this.rows.map((r) => Number(r.amount.value) * MINUTES_PER_UNIT[r.unit.value as ReminderUnit]));
    return [NEW_ROW_MINUTES, 30, 60, 1_440, 10_080, 0].find((m) => !taken.has(m)) ?? NEW_ROW_MINUTES;
  }

  private updateVisibility(): void {
    const usingDefault = this.options.offerDefault && this.useDefault.checked;
    this.listBox.hidden = usingDefault;
    this.empty.hidden = this.rows.length > 0;
    this.addButton.hidden = this.rows.length >= MAX_REMINDER_OVERRIDES;
    this.useDefault.disabled = this.disabled;
    this.addButton.disabled = this.disabled;
    for (const control of this.element.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>('.reminder-row input, .reminder-row select, .reminder-row button')) {
      control.disabled = this.disabled;
    }
  }
}
