import type { CalendarEvent, EventDraft } from '../api/CalendarEvent';
import { DEFAULT_REMINDERS } from '../api/EventReminders';
import type { FieldProblem } from '../api/ProblemError';
import type { ReminderOverride } from '../api/ReminderOverride';
import { readRecurrence } from '../recurrence/RecurrenceReader';
import { ReminderControls } from '../reminders/ReminderControls';
import { button, element, input, labelled, option } from '../ui/Elements';
import { errorText } from '../ui/ErrorText';
import { draftFromForm, draftWithReminders, draftWithRepeat, formValuesFromEvent, withAllDay, type EventFormValues } from './EventForm';
import { timeZoneChoices } from './EventTimes';
import { RepeatControls } from './RepeatControls';

/**
 * What the dialog is editing: a new event, or a stored one at a known version (sent as If-Match). A stored one may be
 * an occurrence of a series (it has `recurringEventId`, and the series' version).
 */
export type DialogTarget = { readonly kind: 'create' } | { readonly kind: 'edit'; readonly event: CalendarEvent };

export interface EventDialogActions {
  save(target: DialogTarget, draft: EventDraft): Promise<void>;
  delete(event: CalendarEvent): Promise<void>;
  /** The series an occurrence belongs to (GET /api/events/{seriesId}), for its repeat settings. */
  loadSeries(seriesId: string): Promise<CalendarEvent>;
  /** The dialog closed, saved or not. */
  closed(): void;
}

export interface DialogErrorContent {
  readonly title: string;
  readonly detail?: string | undefined;
  readonly errors?: readonly FieldProblem[];
}

type FieldName = 'title' | 'start' | 'end' | 'timeZone' | 'location' | 'description' | 'recurrence' | 'reminders';

const FIELD_NAMES: readonly FieldName[] = ['title', 'start', 'end', 'timeZone', 'location', 'description', 'recurrence', 'reminders'];

/** How each read-only Google `eventType` is named in the dialog's heading. */
const READ_ONLY_HEADINGS: Readonly<Record<string, string>> = {
  outOfOffice: 'Out of office',
  focusTime: 'Focus time',
  birthday: 'Birthday',
  fromGmail: 'From Gmail',
};

/** The create/edit form in a modal <dialog>. All user text goes in through value/textContent only. */
export class EventDialog {
  readonly element: HTMLDialogElement;
  private readonly form: HTMLFormElement;
  private readonly heading: HTMLHeadingElement;
  private readonly errorBox: HTMLElement;
  private readonly title: HTMLInputElement;
  private readonly allDay: HTMLInputElement;
  private readonly start: HTMLInputElement;
  private readonly end: HTMLInputElement;
  private readonly timeZone: HTMLSelectElement;
  private readonly location: HTMLInputElement;
  private readonly description: HTMLTextAreaElement;
  private readonly repeat = new RepeatControls();
  private readonly reminders = new ReminderControls({ testIdPrefix: 'event-reminder', offerDefault: true, legend: 'Reminders' });
  private readonly saveButton: HTMLButtonElement;
  private readonly deleteButton: HTMLButtonElement;
  private readonly cancelButton: HTMLButtonElement;
  private target: DialogTarget | null = null;
  private busy = false;
  /** Counts series reads, so an answer for an event no longer shown is dropped. */
  private seriesRead = 0;

  constructor(private readonly actions: EventDialogActions) {
    this.element = element('dialog', 'event-dialog', 'event-dialog');
    this.element.setAttribute('aria-labelledby', 'event-dialog-heading');

    this.form = element('form');
    this.form.noValidate = true;
    this.heading = element('h2');
    this.heading.id = 'event-dialog-heading';

    this.errorBox = element('div', 'dialog-error', 'dialog-error');
    this.errorBox.setAttribute('role', 'alert');
    this.errorBox.hidden = true;

    this.title = input('text', 'event-title');
    this.allDay = input('checkbox', 'event-allday');
    this.start = input('datetime-local', 'event-start');
    this.end = input('datetime-local', 'event-end');
    this.timeZone = element('select', undefined, 'event-timezone');
    this.location = input('text', 'event-location');
    this.description = element('textarea', undefined, 'event-description');
    this.description.rows = 3;

    this.saveButton = button('Save', { testId: 'event-save', type: 'submit', className: 'primary' });
    this.deleteButton = button('Delete', { testId: 'event-delete', className: 'danger' });
    this.cancelButton = button('Cancel', { testId: 'event-cancel' });

    const allDayLabel = element('label', 'checkbox');
    allDayLabel.append(this.allDay, document.createTextNode(' All day'));
    const times = element('div', 'row');
    times.append(labelled('Start', this.start), labelled('End', this.end));
    const footer = element('div', 'dialog-actions');
    footer.append(this.deleteButton, element('span', 'spacer'), this.cancelButton, this.saveButton);

    this.form.append(
      this.heading, this.errorBox, labelled('Title', this.title), allDayLabel, times,
      labelled('Time zone', this.timeZone), this.repeat.element, this.reminders.element, labelled('Location', this.location),
      labelled('Description', this.description), footer,
    );
    this.element.append(this.form);

    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit();
    });
    this.allDay.addEventListener('change', () => {
      this.fill(withAllDay(this.read(), this.allDay.checked));
      this.repeat.setStartDate(datePart(this.start.value));
      this.reminders.setAllDay(this.allDay.checked);
    });
    this.start.addEventListener('change', () => this.repeat.setStartDate(datePart(this.start.value)));
    this.cancelButton.addEventListener('click', () => this.close());
    this.deleteButton.addEventListener('click', () => void this.remove());
    this.element.addEventListener('cancel', (event) => {
      if (this.busy) event.preventDefault();
    });
    this.element.addEventListener('close', () => {
      this.target = null;
      this.seriesRead++;
      this.actions.closed();
    });
  }

  get isOpen(): boolean {
    return this.element.open;
  }

  /** The id of the stored event being edited, if any. */
  get editingId(): string | null {
    return this.target?.kind === 'edit' ? this.target.event.id : null;
  }

  openForCreate(values: EventFormValues): void {
    this.target = { kind: 'create' };
    this.heading.textContent = 'New event';
    this.setReadOnly(false);
    this.deleteButton.hidden = true;
    this.present(values);
    this.reminders.show(DEFAULT_REMINDERS);
    this.seriesRead++;
    this.repeat.show({ settings: { kind: 'never' }, keptLines: [] }, datePart(values.start));
  }

  openForEdit(event: CalendarEvent): void {
    this.target = { kind: 'edit', event };
    this.heading.textContent = event.readOnly ? `${READ_ONLY_HEADINGS[event.eventType] ?? 'Google Calendar entry'} (read-only)` : 'Edit event';
    this.setReadOnly(event.readOnly);
    this.present(formValuesFromEvent(event));
    this.reminders.show(event.reminders);
    this.showRepeat(event);
  }

  /** The user's default reminders, which "Use my default reminders" names; null while they are unknown. */
  setDefaultReminders(defaults: readonly ReminderOverride[] | null): void {
    this.reminders.setDefaults(defaults);
  }

  /** A read-only entry is shown with every field disabled and no Save or Delete: the server would refuse both. */
  private setReadOnly(readOnly: boolean): void {
    this.saveButton.hidden = readOnly;
    this.deleteButton.hidden = readOnly;
    this.form.dataset['readOnly'] = String(readOnly);
    for (const control of [this.title, this.allDay, this.start, this.end, this.timeZone, this.location, this.description]) {
      control.disabled = readOnly;
    }
    this.repeat.setDisabled(readOnly);
    this.reminders.setDisabled(readOnly);
  }

  /** A single event does not repeat; an occurrence shows its series' rule, read from the series itself. */
  private showRepeat(event: CalendarEvent): void {
    const read = ++this.seriesRead;
    const seriesId = event.recurringEventId;
    if (seriesId === null) {
      this.repeat.show({ settings: { kind: 'never' }, keptLines: [] }, datePart(this.start.value));
      return;
    }
    this.repeat.showLoading();
    this.actions.loadSeries(seriesId).then(
      (series) => {
        if (read === this.seriesRead) this.repeat.show(readRecurrence(series.recurrence, series), datePart(this.start.value));
      },
      (error: unknown) => {
        if (read === this.seriesRead) {
          this.repeat.showUnavailable(`The repeat settings could not be loaded (${errorText(error)}); saving keeps the series' rule.`);
        }
      },
    );
  }

  /** Replaces what the form shows with a newer stored version (after a 412); the user's edits are dropped. */
  showLatest(event: CalendarEvent): void {
    this.target = { kind: 'edit', event };
    this.clearError();
    this.fill(formValuesFromEvent(event));
    this.reminders.show(event.reminders);
    this.showRepeat(event);
  }

  showError(content: DialogErrorContent): void {
    this.clearError();
    const heading = element('strong');
    heading.textContent = content.title;
    this.errorBox.append(heading);
    if (content.detail) {
      const detail = element('p');
      detail.textContent = content.detail;
      this.errorBox.append(detail);
    }
    const errors = content.errors ?? [];
    if (errors.length > 0) {
      const list = element('ul');
      for (const problem of errors) {
        const field = fieldNamed(problem.field);
        const item = element('li');
        // The server's messages already name their field ("Title is required."): show them as they are.
        item.textContent = problem.message;
        list.append(item);
        if (field) this.control(field).setAttribute('aria-invalid', 'true');
      }
      this.errorBox.append(list);
    }
    this.errorBox.hidden = false;
  }

  close(): void {
    if (this.element.open) this.element.close();
  }

  private present(values: EventFormValues): void {
    this.clearError();
    this.setBusy(false);
    this.fill(values);
    if (!this.element.open) this.element.showModal();
    this.title.focus();
  }

  private async submit(): Promise<void> {
    const target = this.target;
    if (target === null || this.busy || (target.kind === 'edit' && target.event.readOnly)) return;
    const form = draftFromForm(this.read());
    const repeat = { settings: this.repeat.settings(), keptLines: this.repeat.kept, changed: this.repeat.changed, editable: this.repeat.isEditable };
    const result = form.ok ? draftWithRepeat(form.draft, repeat, target.kind === 'edit' ? target.event : null) : form;
    const reminders = this.reminders.read();
    if (!result.ok || !reminders.ok) {
      const errors = [...(result.ok ? [] : result.errors), ...(reminders.ok ? [] : reminders.errors)];
      this.showError({ title: 'Please check the highlighted fields.', errors });
      return;
    }
    this.clearError();
    const draft = draftWithReminders(result.draft, reminders.reminders);
    await this.run(() => this.actions.save(target, draft));
  }

  private async remove(): Promise<void> {
    const target = this.target;
    if (target?.kind !== 'edit' || this.busy) return;
    this.clearError();
    await this.run(() => this.actions.delete(target.event));
  }

  private async run(action: () => Promise<void>): Promise<void> {
    this.setBusy(true);
    try {
      await action();
    } catch (error) {
      this.showError({ title: 'Something went wrong', detail: errorText(error) });
    } finally {
      this.setBusy(false);
    }
  }

  private fill(values: EventFormValues): void {
    this.title.value = values.title;
    this.allDay.checked = values.allDay;
    const type = values.allDay ? 'date' : 'datetime-local';
    this.start.type = type;
    this.end.type = type;
    this.start.value = values.start;
    this.end.value = values.end;
    this.fillTimeZones(values.timeZone);
    this.location.value = values.location;
    this.description.value = values.description;
    this.reminders.setAllDay(values.allDay);
  }

  private fillTimeZones(selected: string): void {
    if (this.timeZone.options.length === 0 || ![...this.timeZone.options].some((o) => o.value === selected)) {
      const choices = timeZoneChoices(selected, 'UTC');
      this.timeZone.replaceChildren(...choices.map((zone) => option(zone.replaceAll('_', ' '), zone)));
    }
    this.timeZone.value = selected;
  }

  private read(): EventFormValues {
    return {
      title: this.title.value,
      allDay: this.allDay.checked,
      start: this.start.value,
      end: this.end.value,
      timeZone: this.timeZone.value,
      location: this.location.value,
      description: this.description.value,
    };
  }

  private clearError(): void {
    this.errorBox.replaceChildren();
    this.errorBox.hidden = true;
    for (const field of FIELD_NAMES) this.control(field).removeAttribute('aria-invalid');
    this.repeat.markInvalid(false);
    this.reminders.markInvalid(false);
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    this.saveButton.disabled = busy;
    this.deleteButton.disabled = busy;
    this.form.setAttribute('aria-busy', String(busy));
  }

  private control(field: FieldName): HTMLElement {
    switch (field) {
      case 'title': return this.title;
      case 'start': return this.start;
      case 'end': return this.end;
      case 'timeZone': return this.timeZone;
      case 'location': return this.location;
      case 'description': return this.description;
      case 'recurrence': return this.repeat.focusTarget;
      case 'reminders': return this.reminders.focusTarget;
    }
  }
}

/**
 * Server field names may come as "title", "Title", a JSON path such as "$.title", a line such as "recurrence[0]", or
 * a path into an object such as "reminders.overrides[1].minutes".
 */
function fieldNamed(raw: string): FieldName | null {
  const name = raw.replace(/^\$\./, '').replace(/[.[].*$/, '').toLowerCase();
  for (const field of FIELD_NAMES) {
    if (field.toLowerCase() === name) return field;
  }
  return null;
}

/** The date part of a date or date-time input's value. */
function datePart(value: string): string {
  return value.slice(0, 10);
}
