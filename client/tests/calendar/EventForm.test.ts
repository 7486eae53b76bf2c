import { describe, expect, it } from 'vitest';
import type { CalendarEvent } from '../../src/api/CalendarEvent';
import { sampleEvent } from './SampleEvents';
import { draftFromForm, draftFromMove, draftWithRepeat, formValuesForRange, formValuesFromEvent, withAllDay, type EventFormValues } from '../../src/calendar/EventForm';

function stored(overrides: Partial<CalendarEvent>): CalendarEvent {
  return sampleEvent('e1', 3, {
    title: 'Standup', start: '2026-03-10T08:00:00.000Z', end: '2026-03-10T08:30:00.000Z', timeZone: 'Europe/Berlin', description: 'Daily', location: 'Room 1',
    ...overrides,
  });
}

function values(overrides: Partial<EventFormValues>): EventFormValues {
  return { title: 'T', allDay: false, start: '2026-03-10T09:00', end: '2026-03-10T10:00', timeZone: 'UTC', location: '', description: '', ...overrides };
}

describe('Event form values', () => {
  it('shows a timed event in its own time zone', () => {
    const form = formValuesFromEvent(stored({}));
    expect(form).toMatchObject({ allDay: false, start: '2026-03-10T09:00', end: '2026-03-10T09:30', timeZone: 'Europe/Berlin' });
  });

  it('shows an all-day event with an inclusive last day', () => {
    const form = formValuesFromEvent(stored({ allDay: true, start: '2026-03-10T00:00:00Z', end: '2026-03-12T00:00:00Z' }));
    expect(form).toMatchObject({ allDay: true, start: '2026-03-10', end: '2026-03-11' });
  });

  it('turns a selected day range into inclusive dates', () => {
    const form = formValuesForRange({ start: new Date(2026, 2, 10), end: new Date(2026, 2, 11), allDay: true }, 'UTC');
    expect(form).toMatchObject({ allDay: true, start: '2026-03-10', end: '2026-03-10' });
  });

  it('turns a selected time range into wall times in the chosen zone', () => {
    const form = formValuesForRange(
      { start: new Date('2026-07-01T07:00:00Z'), end: new Date('2026-07-01T08:30:00Z'), allDay: false },
      'America/New_York',
    );
    expect(form).toMatchObject({ allDay: false, start: '2026-07-01T03:00', end: '2026-07-01T04:30', timeZone: 'America/New_York' });
  });

  it('keeps the chosen days when switching to all-day and back', () => {
    const allDay = withAllDay(values({ start: '2026-03-10T22:00', end: '2026-03-12T00:00' }), true);
    expect(allDay).toMatchObject({ allDay: true, start: '2026-03-10', end: '2026-03-11' });
    const timed = withAllDay(allDay, false);
    expect(timed).toMatchObject({ allDay: false, start: '2026-03-10T09:00', end: '2026-03-10T10:00' });
  });
});

describe('Drafts sent to the API', () => {
  it('sends timed wall times as instants with the zone offset, honouring daylight saving time', () => {
    const winter = draftFromForm(values({ start: '2026-01-15T09:00', end: '2026-01-15T10:00', timeZone: 'Europe/Berlin' }));
    const summer = draftFromForm(values({ start: '2026-07-15T09:00', end: '2026-07-15T10:00', timeZone: 'Europe/Berlin' }));
    expect(winter).toMatchObject({ ok: true, draft: { start: '2026-01-15T09:00:00+01:00', end: '2026-01-15T10:00:00+01:00' } });
    expect(summer).toMatchObject({ ok: true, draft: { start: '2026-07-15T09:00:00+02:00', end: '2026-07-15T10:00:00+02:00' } });
  });

  it('sends all-day events as UTC midnights with an exclusive end', () => {
    const result = draftFromForm(values({ allDay: true, start: '2026-03-10', end: '2026-03-11', timeZone: 'Asia/Tokyo' }));
    expect(result).toEqual({
      ok: true,
      draft: { title: 'T', start: '2026-03-10T00:00:00Z', end: '2026-03-12T00:00:00Z', allDay: true, timeZone: 'Asia/Tokyo' },
    });
  });

  it('trims text and leaves out empty optional fields', () => {
    const result = draftFromForm(values({ title: '  Lunch ', location: '  ', description: ' with Ada ' }));
    expect(result.ok && result.draft).toEqual({
      title: 'Lunch', start: '2026-03-10T09:00:00+00:00', end: '2026-03-10T10:00:00+00:00', allDay: false, timeZone: 'UTC', description: 'with Ada',
    });
  });

  it('names the fields it cannot use', () => {
    expect(draftFromForm(values({ start: '', timeZone: 'Not/AZone' }))).toEqual({
      ok: false,
      errors: [
        { field: 'timeZone', message: 'Choose a time zone.' },
        { field: 'start', message: 'Enter a valid start date and time.' },
      ],
    });
    expect(draftFromForm(values({ start: '2026-03-10T10:00', end: '2026-03-10T09:59' }))).toEqual({
      ok: false,
      errors: [{ field: 'end', message: 'The end must not be before the start.' }],
    });
  });

  it('accepts a timed event that ends when it starts, as Google holds them', () => {
    const result = draftFromForm(values({ start: '2026-03-10T10:00', end: '2026-03-10T10:00' }));
    expect(result.ok).toBe(true);
  });

  it('moves a timed event keeping its zone and other fields', () => {
    const draft = draftFromMove(stored({}), { start: new Date('2026-03-11T12:00:00Z'), end: new Date('2026-03-11T12:30:00Z'), allDay: false });
    expect(draft).toEqual({
      title: 'Standup', start: '2026-03-11T13:00:00+01:00', end: '2026-03-11T13:30:00+01:00', allDay: false,
      timeZone: 'Europe/Berlin', description: 'Daily', location: 'Room 1',
    });
  });

  it('moves an event onto the all-day row as whole UTC days', () => {
    const draft = draftFromMove(stored({}), { start: new Date(2026, 2, 12), end: null, allDay: true });
    expect(draft).toMatchObject({ allDay: true, start: '2026-03-12T00:00:00Z', end: '2026-03-13T00:00:00Z' });
  });

  it('keeps an event\'s own reminders when it is moved: a PUT without them would reset them to the defaults', () => {
    const reminders = { useDefault: false, overrides: [{ method: 'popup' as const, minutes: 0 }] };
    const draft = draftFromMove(stored({ reminders }), { start: new Date('2026-03-11T12:00:00Z'), end: null, allDay: false });
    expect(draft.reminders).toEqual(reminders);
    expect('reminders' in draftFromMove(stored({}), { start: new Date('2026-03-11T12:00:00Z'), end: null, allDay: false })).toBe(false);
  });
});

describe('draftWithRepeat', () => {
  const weekly = { kind: 'weekly', interval: 1, days: ['TU'], end: { kind: 'onDate', date: '2026-04-28' } } as const;
  const occurrence = stored({ id: 's1_20260310T080000Z', recurringEventId: 's1', originalStartTime: '2026-03-10T08:00:00.000Z' });
  const timedDraft = { title: 'Standup', start: '2026-03-10T09:00:00+01:00', end: '2026-03-10T09:30:00+01:00', allDay: false, timeZone: 'Europe/Berlin' };
  const unchanged = { settings: weekly, keptLines: [], changed: false, editable: true };

  it('writes the rule again when an occurrence turns all-day, with UNTIL in the DATE form an all-day series needs', () => {
    const allDay = { ...timedDraft, allDay: true, start: '2026-03-10T00:00:00Z', end: '2026-03-11T00:00:00Z' };
    expect(draftWithRepeat(allDay, unchanged, occurrence)).toEqual({ ok: true, draft: { ...allDay, recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20260428'] } });
  });

  it('writes the rule again when an occurrence moves to another zone: its UNTIL is the end of the day there', () => {
    const utc = { ...timedDraft, timeZone: 'UTC', start: '2026-03-10T08:00:00Z', end: '2026-03-10T08:30:00Z' };
    expect(draftWithRepeat(utc, unchanged, occurrence)).toEqual({ ok: true, draft: { ...utc, recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20260428T235959Z'] } });
  });

  it('refuses to turn a series into a single event, which the API does not do', () => {
    const result = draftWithRepeat(timedDraft, { settings: { kind: 'never' }, keptLines: ['EXDATE:20260317T080000Z'], changed: true, editable: true }, occurrence);
    expect(result).toEqual({ ok: false, errors: [{ field: 'recurrence', message: expect.stringMatching(/keeps repeating/) as string }] });
  });

  it('makes a single event a series when it is given a rule', () => {
    expect(draftWithRepeat(timedDraft, { ...unchanged, changed: true }, stored({}))).toEqual({
      ok: true, draft: { ...timedDraft, recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20260428T215959Z'] },
    });
  });
});
