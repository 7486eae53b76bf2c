// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { EventDraft } from '../../src/api/CalendarEvent';
import { EventDialog } from '../../src/calendar/EventDialog';
import { sampleEvent } from './SampleEvents';

function mountedDialog() {
  const saved: EventDraft[] = [];
  const dialog = new EventDialog({
    save: (_target, draft) => {
      saved.push(draft);
      return Promise.resolve();
    },
    delete: () => Promise.resolve(),
    loadSeries: () => Promise.reject(new Error('not asked')),
    closed: () => undefined,
  });
  document.body.append(dialog.element);
  return { dialog, saved };
}

function all<T extends HTMLElement>(id: string): T[] {
  return [...document.querySelectorAll<T>(`[data-testid="${id}"]`)];
}

function one<T extends HTMLElement>(id: string): T {
  const [found] = all<T>(id);
  if (found === undefined) throw new Error(`no ${id}`);
  return found;
}

function tick(id: string, checked: boolean): void {
  const box = one<HTMLInputElement>(id);
  box.checked = checked;
  box.dispatchEvent(new Event('change'));
}

async function save(): Promise<void> {
  one<HTMLButtonElement>('event-save').click();
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

const newEvent = { title: 'Dentist', allDay: false, start: '2026-12-08T15:00', end: '2026-12-08T16:00', timeZone: 'Europe/Berlin', location: '', description: '' };
const own = (...minutes: number[]) => ({ useDefault: false, overrides: minutes.map((m) => ({ method: 'popup' as const, minutes: m })) });

afterEach(() => document.body.replaceChildren());

describe('EventDialog reminders', () => {
  it('starts a new event on the default reminders, named beside the box, and sends no reminders field for them', async () => {
    const t = mountedDialog();
    t.dialog.setDefaultReminders([{ method: 'popup', minutes: 10 }]);
    t.dialog.openForCreate(newEvent);
    expect(one<HTMLInputElement>('event-reminders-default').checked).toBe(true);
    expect(one('event-reminders').textContent).toContain('(10 minutes before)');
    expect(all('event-reminder')).toEqual([]);
    await save();
    expect(t.saved).toHaveLength(1);
    expect('reminders' in t.saved[0]!).toBe(false);
  });

  it('unticking the defaults starts from them; added rows and units become minutes, earliest-firing last', async () => {
    const t = mountedDialog();
    t.dialog.setDefaultReminders([{ method: 'popup', minutes: 10 }]);
    t.dialog.openForCreate(newEvent);
    tick('event-reminders-default', false);
    expect(all<HTMLInputElement>('event-reminder-amount').map((i) => i.value)).toEqual(['10']);
    one<HTMLButtonElement>('event-reminder-add').click();
    const amounts = all<HTMLInputElement>('event-reminder-amount');
    const units = all<HTMLSelectElement>('event-reminder-unit');
    amounts[1]!.value = '1';
    units[1]!.value = 'days';
    await save();
    expect(t.saved[0]!.reminders).toEqual(own(10, 1440));
  });

  it('offers at most five reminders', () => {
    const t = mountedDialog();
    t.dialog.openForCreate(newEvent);
    tick('event-reminders-default', false);
    const add = one<HTMLButtonElement>('event-reminder-add');
    for (let i = 0; i < 4; i++) add.click();
    expect(all('event-reminder')).toHaveLength(5);
    expect(add.hidden).toBe(true);
    all<HTMLButtonElement>('event-reminder-remove')[2]!.click();
    expect(all('event-reminder')).toHaveLength(4);
    expect(add.hidden).toBe(false);
  });

  it('removing every row means no reminder at all, which is not the defaults', async () => {
    const t = mountedDialog();
    t.dialog.openForEdit(sampleEvent('e1', 3, { reminders: own(30) }));
    expect(one<HTMLInputElement>('event-reminders-default').checked).toBe(false);
    expect(all<HTMLInputElement>('event-reminder-amount').map((i) => i.value)).toEqual(['30']);
    one<HTMLButtonElement>('event-reminder-remove').click();
    await save();
    expect(t.saved[0]!.reminders).toEqual(own());
  });

  it('shows an event\'s own reminders in their largest exact unit', () => {
    const t = mountedDialog();
    t.dialog.openForEdit(sampleEvent('e1', 3, { reminders: own(90, 120, 10080) }));
    expect(all<HTMLInputElement>('event-reminder-amount').map((i) => i.value)).toEqual(['90', '2', '1']);
    expect(all<HTMLSelectElement>('event-reminder-unit').map((s) => s.value)).toEqual(['minutes', 'hours', 'weeks']);
  });

  it('ticking the defaults back sends none of the rows', async () => {
    const t = mountedDialog();
    t.dialog.openForEdit(sampleEvent('e1', 3, { reminders: own(30) }));
    tick('event-reminders-default', true);
    expect(one('event-reminders').querySelector('.reminders-list')!.hasAttribute('hidden')).toBe(true);
    await save();
    expect('reminders' in t.saved[0]!).toBe(false);
  });

  it('refuses a reminder beyond four weeks or a part of a minute, naming the row, and sends nothing', async () => {
    const t = mountedDialog();
    t.dialog.openForEdit(sampleEvent('e1', 3, { reminders: own(10, 20) }));
    const amounts = all<HTMLInputElement>('event-reminder-amount');
    const units = all<HTMLSelectElement>('event-reminder-unit');
    amounts[1]!.value = '5';
    units[1]!.value = 'weeks';
    await save();
    expect(t.saved).toEqual([]);
    expect(one('dialog-error').textContent).toContain('Reminder 2: choose a whole number from 0 minutes to 4 weeks before.');
    amounts[1]!.value = '';
    await save();
    expect(t.saved).toEqual([]);
    amounts[1]!.value = '28';
    units[1]!.value = 'days';
    await save();
    expect(t.saved[0]!.reminders).toEqual(own(10, 40320));
  });

  it('marks the reminders when the server refuses one of them', () => {
    const t = mountedDialog();
    t.dialog.openForEdit(sampleEvent('e1', 3, { reminders: own(10) }));
    t.dialog.showError({ title: 'Invalid', errors: [{ field: 'reminders.overrides[0].minutes', message: 'Reminder minutes must be 0 to 40320.' }] });
    expect(one('event-reminder-amount').getAttribute('aria-invalid')).toBe('true');
  });

  it('disables the reminders of a read-only entry', () => {
    const t = mountedDialog();
    t.dialog.openForEdit(sampleEvent('e1', 3, { readOnly: true, eventType: 'outOfOffice', reminders: own(10) }));
    expect(one<HTMLInputElement>('event-reminders-default').disabled).toBe(true);
    expect(one<HTMLInputElement>('event-reminder-amount').disabled).toBe(true);
    expect(one<HTMLButtonElement>('event-reminder-add').disabled).toBe(true);
  });

  it('says that an all-day event reminds before its day begins', () => {
    const t = mountedDialog();
    t.dialog.openForCreate({ ...newEvent, allDay: true, start: '2026-12-08', end: '2026-12-08' });
    expect(one('event-reminders').textContent).toContain('before the day begins');
  });
});
