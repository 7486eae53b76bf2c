// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { CalendarEvent, EventDraft } from '../../src/api/CalendarEvent';
import { EventDialog, type DialogTarget } from '../../src/calendar/EventDialog';
import { sampleOccurrence, sampleSeries } from './SampleEvents';

interface Saved {
  target: DialogTarget;
  draft: EventDraft;
}

/** The real dialog; the series read answers when the test says so. */
function mountedDialog(seriesAnswer: () => Promise<CalendarEvent>) {
  const saved: Saved[] = [];
  const seriesReads: string[] = [];
  const dialog = new EventDialog({
    save: (target, draft) => {
      saved.push({ target, draft });
      return Promise.resolve();
    },
    delete: () => Promise.resolve(),
    loadSeries: (id) => {
      seriesReads.push(id);
      return seriesAnswer();
    },
    closed: () => undefined,
  });
  document.body.append(dialog.element);
  return { dialog, saved, seriesReads };
}

function control<T extends HTMLElement>(id: string): T {
  const found = document.querySelector<T>(`[data-testid="${id}"]`);
  if (found === null) throw new Error(`no ${id}`);
  return found;
}

function choose(id: string, value: string): void {
  const select = control<HTMLSelectElement>(id);
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

async function save(): Promise<void> {
  control<HTMLButtonElement>('event-save').click();
  // The submit handler runs the save after a microtask or two.
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

// Monday 7 December 2026 09:00 Berlin; the series repeats Mondays and Thursdays until 1 March 2027.
const seriesRule = ['RRULE:FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20270301T225959Z', 'EXDATE;TZID=Europe/Berlin:20261210T090000'];
const series = sampleSeries('s1', 4, seriesRule, { start: '2026-12-07T08:00:00.000Z', end: '2026-12-07T09:00:00.000Z', timeZone: 'Europe/Berlin', title: 'Standup' });
const occurrence = sampleOccurrence('s1', '2026-12-14T08:00:00.000Z', 4, { timeZone: 'Europe/Berlin', title: 'Standup' });

afterEach(() => document.body.replaceChildren());

describe('EventDialog Repeat controls', () => {
  it('creates a weekly series ending on a date: the RRULE carries the chosen days and UNTIL in the event\'s zone', async () => {
    const t = mountedDialog(() => Promise.reject(new Error('not asked')));
    t.dialog.openForCreate({ title: 'Gym', allDay: false, start: '2026-12-08T18:00', end: '2026-12-08T19:00', timeZone: 'Europe/Berlin', location: '', description: '' });
    choose('event-repeat', 'weekly');
    expect(control<HTMLInputElement>('event-repeat-day-TU').checked).toBe(true);
    control<HTMLInputElement>('event-repeat-day-FR').checked = true;
    choose('event-repeat-ends', 'onDate');
    control<HTMLInputElement>('event-repeat-until').value = '2027-01-29';
    await save();
    expect(t.saved).toHaveLength(1);
    expect(t.saved[0]!.draft.recurrence).toEqual(['RRULE:FREQ=WEEKLY;BYDAY=TU,FR;UNTIL=20270129T225959Z']);
    expect(t.seriesReads).toEqual([]);
  });

  it('creates an all-day monthly series on the last weekday, ending after N times', async () => {
    const t = mountedDialog(() => Promise.reject(new Error('not asked')));
    t.dialog.openForCreate({ title: 'Review', allDay: true, start: '2026-12-25', end: '2026-12-25', timeZone: 'Europe/Berlin', location: '', description: '' });
    choose('event-repeat', 'monthly');
    const monthly = control<HTMLSelectElement>('event-repeat-monthly');
    expect([...monthly.options].map((o) => o.text)).toEqual(['Monthly on day 25', 'Monthly on the 4th Friday', 'Monthly on the last Friday']);
    choose('event-repeat-monthly', '2');
    choose('event-repeat-ends', 'afterCount');
    control<HTMLInputElement>('event-repeat-count').value = '6';
    await save();
    expect(t.saved[0]!.draft.recurrence).toEqual(['RRULE:FREQ=MONTHLY;BYDAY=-1FR;COUNT=6']);
  });

  it('sends no recurrence for an event that does not repeat', async () => {
    const t = mountedDialog(() => Promise.reject(new Error('not asked')));
    t.dialog.openForCreate({ title: 'Once', allDay: false, start: '2026-12-08T18:00', end: '2026-12-08T19:00', timeZone: 'UTC', location: '', description: '' });
    await save();
    expect(t.saved[0]!.draft).not.toHaveProperty('recurrence');
  });

  it('shows an occurrence\'s series rule, read from the series by recurringEventId, disabled until it arrives', async () => {
    let answer: (event: CalendarEvent) => void = () => undefined;
    const t = mountedDialog(() => new Promise((resolve) => { answer = resolve; }));
    t.dialog.openForEdit(occurrence);
    expect(t.seriesReads).toEqual(['s1']);
    expect(control<HTMLSelectElement>('event-repeat').disabled).toBe(true);
    expect(control('event-repeat-status').textContent).toMatch(/Loading/);

    answer(series);
    await settle();
    expect(control<HTMLSelectElement>('event-repeat').disabled).toBe(false);
    expect(control<HTMLSelectElement>('event-repeat').value).toBe('weekly');
    expect(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'].filter((d) => control<HTMLInputElement>(`event-repeat-day-${d}`).checked)).toEqual(['MO', 'TH']);
    expect(control<HTMLSelectElement>('event-repeat-ends').value).toBe('onDate');
    expect(control<HTMLInputElement>('event-repeat-until').value).toBe('2027-03-01');
  });

  it('leaves the series\' rule out of an edit that did not change it, so the server keeps it', async () => {
    const t = mountedDialog(() => Promise.resolve(series));
    t.dialog.openForEdit(occurrence);
    await settle();
    control<HTMLInputElement>('event-title').value = 'Standup (moved room)';
    await save();
    expect(t.saved[0]!.draft).not.toHaveProperty('recurrence');
    expect(t.saved[0]!.draft.title).toBe('Standup (moved room)');
  });

  it('sends a changed rule with the series\' EXDATE lines kept', async () => {
    const t = mountedDialog(() => Promise.resolve(series));
    t.dialog.openForEdit(occurrence);
    await settle();
    control<HTMLInputElement>('event-repeat-day-TH').checked = false;
    await save();
    expect(t.saved[0]!.draft.recurrence).toEqual(['RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20270301T225959Z', 'EXDATE;TZID=Europe/Berlin:20261210T090000']);
  });

  it('shows a rule it cannot represent as "Custom rule (kept)" and sends it back unchanged when the event\'s zone changes', async () => {
    const custom = 'RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1';
    const t = mountedDialog(() => Promise.resolve({ ...series, recurrence: [custom] }));
    t.dialog.openForEdit(occurrence);
    await settle();
    const repeat = control<HTMLSelectElement>('event-repeat');
    expect(repeat.value).toBe('custom');
    expect(repeat.selectedOptions[0]?.text).toBe('Custom rule (kept)');
    expect(control('event-repeat-custom').textContent).toBe(custom);
    control<HTMLSelectElement>('event-timezone').value = 'UTC';
    await save();
    expect(t.saved[0]!.draft.recurrence).toEqual([custom]);
  });

  it('keeps the rule out of the save when the series could not be read, and says so', async () => {
    const t = mountedDialog(() => Promise.reject(new Error('offline')));
    t.dialog.openForEdit(occurrence);
    await settle();
    expect(control('event-repeat-status').textContent).toMatch(/could not be loaded .*offline.*keeps the series' rule/);
    expect(control<HTMLSelectElement>('event-repeat').disabled).toBe(true);
    await save();
    expect(t.saved[0]!.draft).not.toHaveProperty('recurrence');
  });

  it('refuses a weekly rule without days before sending, and marks the Repeat control', async () => {
    const t = mountedDialog(() => Promise.reject(new Error('not asked')));
    t.dialog.openForCreate({ title: 'Gym', allDay: false, start: '2026-12-08T18:00', end: '2026-12-08T19:00', timeZone: 'UTC', location: '', description: '' });
    choose('event-repeat', 'weekly');
    control<HTMLInputElement>('event-repeat-day-TU').checked = false;
    await save();
    expect(t.saved).toEqual([]);
    expect(control('dialog-error').textContent).toMatch(/Choose at least one day/);
    expect(control('event-repeat').getAttribute('aria-invalid')).toBe('true');
  });

  it('marks the Repeat control for a server problem naming a recurrence line', () => {
    const t = mountedDialog(() => Promise.resolve(series));
    t.dialog.openForCreate({ title: 'Gym', allDay: false, start: '2026-12-08T18:00', end: '2026-12-08T19:00', timeZone: 'UTC', location: '', description: '' });
    t.dialog.showError({ title: 'The request was not valid', errors: [{ field: 'recurrence[0]', message: 'COUNT must be 1 to 5000.' }] });
    expect(control('event-repeat').getAttribute('aria-invalid')).toBe('true');
  });

  it('moves a one-day weekly choice and the monthly choices with the start date', () => {
    const t = mountedDialog(() => Promise.reject(new Error('not asked')));
    t.dialog.openForCreate({ title: 'Gym', allDay: false, start: '2026-12-08T18:00', end: '2026-12-08T19:00', timeZone: 'UTC', location: '', description: '' });
    choose('event-repeat', 'weekly');
    const start = control<HTMLInputElement>('event-start');
    start.value = '2026-12-10T18:00';
    start.dispatchEvent(new Event('change'));
    expect(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'].filter((d) => control<HTMLInputElement>(`event-repeat-day-${d}`).checked)).toEqual(['TH']);
    choose('event-repeat', 'monthly');
    choose('event-repeat-monthly', '1');
    start.value = '2026-12-16T18:00';
    start.dispatchEvent(new Event('change'));
    const monthly = control<HTMLSelectElement>('event-repeat-monthly');
    expect(monthly.selectedOptions[0]?.text).toBe('Monthly on the 3rd Wednesday');
  });
});
