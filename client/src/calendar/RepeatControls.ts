import type { PlainDateString } from './EventTimes';
import { addDays } from './EventTimes';
import { monthlyPatternText, monthlyPatternsFor, sameMonthlyPattern } from '../recurrence/MonthlyPatterns';
import type { RecurrenceReading } from '../recurrence/RecurrenceReader';
import type { MonthlyPattern, RepeatEnd, RepeatFrequency, RepeatSettings } from '../recurrence/RepeatSettings';
import { WEEKDAYS, inWeekOrder, weekdayName, weekdayOf, type Weekday } from '../recurrence/Weekday';
import { element, input, labelled, option } from '../ui/Elements';

type FrequencyChoice = 'never' | RepeatFrequency | 'custom';
type EndChoice = RepeatEnd['kind'];

const UNITS: Readonly<Record<RepeatFrequency, readonly [string, string]>> = {
  daily: ['day', 'days'],
  weekly: ['week', 'weeks'],
  monthly: ['month', 'months'],
  yearly: ['year', 'years'],
};

const DEFAULT_COUNT = 10;
const DEFAULT_UNTIL_DAYS = 90;

/**
 * The event dialog's "Repeat" and "Ends" controls: they show RepeatSettings and read them back. A rule they cannot
 * show is offered as "Custom rule (kept)" and left as it is. While a series' rule is loading, or when it could not be
 * loaded, they are disabled and the edit leaves the rule alone.
 */
export class RepeatControls {
  readonly element: HTMLFieldSetElement;
  private readonly frequency: HTMLSelectElement;
  private readonly customOption: HTMLOptionElement;
  private readonly intervalRow: HTMLElement;
  private readonly interval: HTMLInputElement;
  private readonly intervalUnit: HTMLElement;
  private readonly weekdays: HTMLElement;
  private readonly dayBoxes = new Map<Weekday, HTMLInputElement>();
  private readonly monthlyRow: HTMLElement;
  private readonly monthly: HTMLSelectElement;
  private readonly customRule: HTMLElement;
  private readonly endsRow: HTMLElement;
  private readonly ends: HTMLSelectElement;
  private readonly until: HTMLInputElement;
  private readonly count: HTMLInputElement;
  private readonly countUnit: HTMLElement;
  private readonly status: HTMLElement;
  private initial: RepeatSettings = { kind: 'never' };
  private keptLines: readonly string[] = [];
  private monthlyPatterns: MonthlyPattern[] = [];
  private startDate: PlainDateString = '1970-01-01';
  private loaded = true;
  private disabled = false;

  constructor() {
    this.element = element('fieldset', 'repeat', 'event-repeat-controls');
    const legend = element('legend', 'visually-hidden');
    legend.textContent = 'Repeat';

    this.frequency = element('select', undefined, 'event-repeat');
    this.frequency.append(
      option('Does not repeat', 'never'), option('Daily', 'daily'), option('Weekly', 'weekly'),
      option('Monthly', 'monthly'), option('Yearly', 'yearly'),
    );
    this.customOption = option('Custom rule (kept)', 'custom');

    this.interval = input('number', 'event-repeat-interval');
    this.interval.min = '1';
    this.interval.max = '1000';
    this.interval.className = 'repeat-number';
    this.intervalUnit = element('span');
    this.intervalRow = element('label', 'inline');
    this.intervalRow.append(document.createTextNode('Every '), this.interval, this.intervalUnit);

    this.weekdays = element('div', 'repeat-days');
    this.weekdays.setAttribute('role', 'group');
    this.weekdays.setAttribute('aria-label', 'Repeat on');
    for (const day of WEEKDAYS) {
      const box = input('checkbox', `event-repeat-day-${day}`);
      box.value = day;
      const label = element('label', 'repeat-day');
      label.title = weekdayName(day);
      label.append(box, document.createTextNode(weekdayName(day).slice(0, 2)));
      this.dayBoxes.set(day, box);
      this.weekdays.append(label);
    }

    this.monthly = element('select', undefined, 'event-repeat-monthly');
    this.monthlyRow = labelled('Which day', this.monthly);

    this.customRule = element('code', 'repeat-custom', 'event-repeat-custom');

    this.ends = element('select', undefined, 'event-repeat-ends');
    this.ends.append(option('Never', 'never'), option('On a date', 'onDate'), option('After a number of times', 'afterCount'));
    this.until = input('date', 'event-repeat-until');
    this.until.setAttribute('aria-label', 'Last day');
    this.count = input('number', 'event-repeat-count');
    this.count.min = '1';
    this.count.max = '5000';
    this.count.className = 'repeat-number';
    this.count.setAttribute('aria-label', 'Number of times');
    this.countUnit = element('span');
    this.countUnit.textContent = ' times';
    this.endsRow = element('div', 'row');
    const endValue = element('div', 'repeat-end-value');
    endValue.append(this.until, this.count, this.countUnit);
    this.endsRow.append(labelled('Ends', this.ends), endValue);

    this.status = element('p', 'repeat-status', 'event-repeat-status');
    this.status.setAttribute('role', 'status');

    const top = element('div', 'row');
    top.append(labelled('Repeat', this.frequency), this.intervalRow);
    this.element.append(legend, top, this.weekdays, this.monthlyRow, this.customRule, this.endsRow, this.status);

    this.frequency.addEventListener('change', () => this.frequencyChosen());
    this.ends.addEventListener('change', () => this.endChosen());
    this.interval.addEventListener('input', () => this.updateUnits());
    this.show({ settings: { kind: 'never' }, keptLines: [] }, this.startDate);
  }

  /** Shows a rule as read from a series (or "never" for a new or single event); what it shows now counts as unchanged. */
  show(reading: RecurrenceReading, startDate: PlainDateString): void {
    this.initial = reading.settings;
    this.keptLines = reading.keptLines;
    this.loaded = true;
    this.status.textContent = '';
    this.status.hidden = true;
    this.startDate = startDate;
    this.fill(reading.settings);
    this.applyDisabled();
  }

  /** The series' rule is on its way: nothing can be chosen yet. */
  showLoading(): void {
    this.fill({ kind: 'never' });
    this.loaded = false;
    this.status.textContent = 'Loading the repeat settings…';
    this.status.hidden = false;
    this.applyDisabled();
  }

  /** The series' rule could not be read: the controls stay disabled and a save keeps the rule as it is. */
  showUnavailable(message: string): void {
    this.loaded = false;
    this.status.textContent = message;
    this.status.hidden = false;
    this.applyDisabled();
  }

  /** The event's start moved: monthly choices follow its day, and a weekly rule on its old weekday only moves with it. */
  setStartDate(date: PlainDateString): void {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date === this.startDate) return;
    const previous = this.startDate;
    this.startDate = date;
    const days = this.chosenDays();
    if (days.length === 1 && days[0] === weekdayOf(previous)) this.checkDays([weekdayOf(date)]);
    // A monthly choice made from the old start's day becomes the same kind of choice on the new one; one read from the
    // series' rule stays as it is.
    const current = this.currentMonthlyPattern();
    const fromStart = current !== null && monthlyPatternsFor(previous).some((p) => sameMonthlyPattern(p, current));
    this.fillMonthly(current !== null && fromStart ? counterpart(current, monthlyPatternsFor(date)) : current);
  }

  setDisabled(disabled: boolean): void {
    this.disabled = disabled;
    this.applyDisabled();
  }

  markInvalid(invalid: boolean): void {
    if (invalid) this.frequency.setAttribute('aria-invalid', 'true');
    else this.frequency.removeAttribute('aria-invalid');
  }

  /** False while the series' rule is loading or could not be loaded: then nothing here may be sent. */
  get isEditable(): boolean {
    return this.loaded;
  }

  /** The lines of the series that no control edits (EXDATE, RDATE), to send after the rule. */
  get kept(): readonly string[] {
    return this.keptLines;
  }

  /** Whether the settings differ from what `show` was given. */
  get changed(): boolean {
    return JSON.stringify(this.settings()) !== JSON.stringify(normalized(this.initial));
  }

  /** The control that names the whole rule: where a problem with it is marked. */
  get focusTarget(): HTMLSelectElement {
    return this.frequency;
  }

  settings(): RepeatSettings {
    const choice = this.frequency.value as FrequencyChoice;
    if (choice === 'never') return { kind: 'never' };
    if (choice === 'custom') return this.initial.kind === 'custom' ? this.initial : { kind: 'never' };
    const interval = Number(this.interval.value);
    const end = this.currentEnd();
    switch (choice) {
      case 'daily': return { kind: 'daily', interval, end };
      case 'weekly': return { kind: 'weekly', interval, days: this.chosenDays(), end };
      case 'monthly': return { kind: 'monthly', interval, pattern: this.currentMonthlyPattern() ?? firstPattern(this.startDate), end };
      case 'yearly': return { kind: 'yearly', interval, end };
    }
  }

  private fill(settings: RepeatSettings): void {
    if (settings.kind === 'custom') {
      if (!this.customOption.isConnected) this.frequency.append(this.customOption);
      this.customRule.textContent = settings.rules.join('\n');
    } else {
      this.customOption.remove();
      this.customRule.textContent = '';
    }
    this.frequency.value = settings.kind;
    const repeating = settings.kind !== 'never' && settings.kind !== 'custom';
    this.interval.value = String(repeating ? settings.interval : 1);
    this.checkDays(settings.kind === 'weekly' ? settings.days : [weekdayOf(this.startDate)]);
    this.fillMonthly(settings.kind === 'monthly' ? settings.pattern : null);
    const end: RepeatEnd = repeating ? settings.end : { kind: 'never' };
    this.ends.value = end.kind;
    this.until.value = end.kind === 'onDate' ? end.date : '';
    this.count.value = String(end.kind === 'afterCount' ? end.count : DEFAULT_COUNT);
    this.updateVisibility();
  }

  /** The monthly choices for the start's day, plus `chosen` when it is none of them (a rule read from the series). */
  private fillMonthly(chosen: MonthlyPattern | null): void {
    this.monthlyPatterns = monthlyPatternsFor(this.startDate);
    if (chosen !== null && !this.monthlyPatterns.some((p) => sameMonthlyPattern(p, chosen))) this.monthlyPatterns.unshift(chosen);
    this.monthly.replaceChildren(...this.monthlyPatterns.map((pattern, i) => option(`Monthly ${monthlyPatternText(pattern)}`, String(i))));
    const index = chosen === null ? 0 : this.monthlyPatterns.findIndex((p) => sameMonthlyPattern(p, chosen));
    this.monthly.value = String(Math.max(0, index));
  }

  private frequencyChosen(): void {
    if (this.frequency.value === 'weekly' && this.chosenDays().length === 0) this.checkDays([weekdayOf(this.startDate)]);
    this.updateVisibility();
  }

  private endChosen(): void {
    if (this.ends.value === 'onDate' && this.until.value === '') this.until.value = addDays(this.startDate, DEFAULT_UNTIL_DAYS);
    this.updateVisibility();
  }

  private updateVisibility(): void {
    const choice = this.frequency.value as FrequencyChoice;
    const repeating = choice !== 'never' && choice !== 'custom';
    this.intervalRow.hidden = !repeating;
    this.weekdays.hidden = choice !== 'weekly';
    this.monthlyRow.hidden = choice !== 'monthly';
    this.customRule.hidden = choice !== 'custom';
    this.endsRow.hidden = !repeating;
    this.until.hidden = this.ends.value !== 'onDate';
    this.count.hidden = this.ends.value !== 'afterCount';
    this.countUnit.hidden = this.count.hidden;
    this.updateUnits();
  }

  private updateUnits(): void {
    const choice = this.frequency.value as FrequencyChoice;
    if (choice === 'never' || choice === 'custom') return;
    const [one, many] = UNITS[choice];
    this.intervalUnit.textContent = ` ${this.interval.value === '1' ? one : many}`;
  }

  private applyDisabled(): void {
    const off = this.disabled || !this.loaded;
    for (const control of [this.frequency, this.interval, this.monthly, this.ends, this.until, this.count, ...this.dayBoxes.values()]) {
      control.disabled = off;
    }
  }

  private chosenDays(): Weekday[] {
    return inWeekOrder([...this.dayBoxes].filter(([, box]) => box.checked).map(([day]) => day));
  }

  private checkDays(days: readonly Weekday[]): void {
    for (const [day, box] of this.dayBoxes) box.checked = days.includes(day);
  }

  private currentMonthlyPattern(): MonthlyPattern | null {
    return this.monthlyPatterns[Number(this.monthly.value)] ?? null;
  }

  private currentEnd(): RepeatEnd {
    switch (this.ends.value as EndChoice) {
      case 'onDate': return { kind: 'onDate', date: this.until.value };
      case 'afterCount': return { kind: 'afterCount', count: Number(this.count.value) };
      default: return { kind: 'never' };
    }
  }
}

/** The choice among `options` of the same kind as `pattern`: day number, Nth weekday, or last weekday. */
function counterpart(pattern: MonthlyPattern, options: readonly MonthlyPattern[]): MonthlyPattern | null {
  const last = pattern.kind === 'weekdayOfMonth' && pattern.ordinal === -1;
  const sameKind = options.filter((p) => p.kind === pattern.kind);
  return sameKind.find((p) => p.kind === 'weekdayOfMonth' && (p.ordinal === -1) === last) ?? sameKind[0] ?? null;
}

function firstPattern(date: PlainDateString): MonthlyPattern {
  const [first] = monthlyPatternsFor(date);
  if (first === undefined) throw new RangeError(`No monthly pattern for ${date}.`);
  return first;
}

/** Settings in the shape `settings()` returns them, so that equal rules compare equal. */
function normalized(settings: RepeatSettings): RepeatSettings {
  return settings.kind === 'weekly' ? { ...settings, days: inWeekOrder(settings.days) } : settings;
}
