import type { CalendarEvent, EventDraft } from '../api/CalendarEvent';
import type { EventReminders } from '../api/EventReminders';
import type { FieldProblem } from '../api/ProblemError';
import { recurrenceLines } from '../recurrence/RecurrenceWriter';
import type { RepeatSettings } from '../recurrence/RepeatSettings';
import {
  addDays, addMinutesToWallTime, instantFromWallTime, isValidTimeZone, isoInZone, localDateOf,
  utcDateOf, utcMidnight, wallTimeOf,
} from './EventTimes';

/**
 * What the event dialog edits. Timed events hold wall-clock times in `timeZone`; all-day events hold
 * dates with an inclusive end (a one-day event ends on its own day), as people read them.
 */
export interface EventFormValues {
  readonly title: string;
  readonly allDay: boolean;
  readonly start: string;
  readonly end: string;
  readonly timeZone: string;
  readonly location: string;
  readonly description: string;
}

/** A range picked on the calendar (FullCalendar's select, or a moved/resized event). */
export interface PickedRange {
  readonly start: Date;
  /** FullCalendar leaves end null when an event falls back to its default duration. */
  readonly end: Date | null;
  readonly allDay: boolean;
}

const DEFAULT_TIMED_MINUTES = 60;

export function formValuesFromEvent(event: CalendarEvent): EventFormValues {
  const common = {
    title: event.title,
    timeZone: event.timeZone,
    location: event.location ?? '',
    description: event.description ?? '',
  };
  if (event.allDay) {
    const startDate = utcDateOf(event.start);
    const exclusiveEnd = utcDateOf(event.end);
    const inclusiveEnd = exclusiveEnd > startDate ? addDays(exclusiveEnd, -1) : startDate;
    return { ...common, allDay: true, start: startDate, end: inclusiveEnd };
  }
  return { ...common, allDay: false, start: wallTimeOf(event.start, event.timeZone), end: wallTimeOf(event.end, event.timeZone) };
}

export function formValuesForRange(range: PickedRange, timeZone: string): EventFormValues {
  const common = { title: '', timeZone, location: '', description: '' };
  if (range.allDay) {
    const startDate = localDateOf(range.start);
    const inclusiveEnd = range.end ? addDays(localDateOf(range.end), -1) : startDate;
    return { ...common, allDay: true, start: startDate, end: inclusiveEnd < startDate ? startDate : inclusiveEnd };
  }
  const start = wallTimeOf(range.start, timeZone);
  const end = range.end ? wallTimeOf(range.end, timeZone) : addMinutesToWallTime(start, DEFAULT_TIMED_MINUTES);
  return { ...common, allDay: false, start, end };
}

/** Flips between all-day and timed, keeping the dates the user already chose. */
export function withAllDay(values: EventFormValues, allDay: boolean): EventFormValues {
  if (values.allDay === allDay) return values;
  if (allDay) {
    const startDate = datePart(values.start);
    let endDate = datePart(values.end);
    // A timed event ending at midnight does not occupy that last day.
    if (values.end.endsWith('T00:00') && endDate > startDate) endDate = addDays(endDate, -1);
    return { ...values, allDay: true, start: startDate, end: endDate < startDate ? startDate : endDate };
  }
  const start = `${datePart(values.start)}T09:00`;
  return { ...values, allDay: false, start, end: addMinutesToWallTime(start, DEFAULT_TIMED_MINUTES) };
}

export type DraftResult =
  | { readonly ok: true; readonly draft: EventDraft }
  | { readonly ok: false; readonly errors: FieldProblem[] };

/** Turns the dialog's values into the API's body, or says which fields are not usable yet. */
export function draftFromForm(values: EventFormValues): DraftResult {
  const errors: FieldProblem[] = [];
  if (!isValidTimeZone(values.timeZone)) errors.push({ field: 'timeZone', message: 'Choose a time zone.' });
  const start = parseField(values, 'start', errors);
  const end = parseField(values, 'end', errors);
  if (start !== null && end !== null && errors.length === 0) {
    const startMs = Date.parse(start);
    const endMs = Date.parse(end);
    // A timed event may end when it starts (a point in time); an all-day end is an inclusive date, so equal is one day.
    if (endMs < startMs) {
      errors.push({ field: 'end', message: 'The end must not be before the start.' });
    }
  }
  if (errors.length > 0 || start === null || end === null) return { ok: false, errors };

  const description = values.description.trim();
  const location = values.location.trim();
  return {
    ok: true,
    draft: {
      title: values.title.trim(),
      start,
      end,
      allDay: values.allDay,
      timeZone: values.timeZone,
      ...(description ? { description } : {}),
      ...(location ? { location } : {}),
    },
  };
}

/** What the dialog's Repeat controls hold when it is saved. */
export interface RepeatState {
  readonly settings: RepeatSettings;
  /** The series' lines no control edits (EXDATE, RDATE). */
  readonly keptLines: readonly string[];
  /** Whether the user changed the settings the dialog opened with. */
  readonly changed: boolean;
  /** False while the series' rule is loading or could not be loaded: the rule is then left as it is. */
  readonly editable: boolean;
}

/**
 * Adds `recurrence` to a draft when it has to carry one. A new or single event carries a rule unless it does not
 * repeat (a rule makes it a series). An occurrence carries one only when the rule changed, or when the event turns
 * all-day or timed or moves zone (an UNTIL is written for one kind of start and zone); otherwise the series keeps its
 * rule as it is, which for "this and following" also lets the server count what is left of a COUNT.
 */
export function draftWithRepeat(draft: EventDraft, repeat: RepeatState, editing: CalendarEvent | null): DraftResult {
  if (!repeat.editable) return { ok: true, draft };
  const occurrence = editing !== null && editing.recurringEventId !== null;
  if (!occurrence && repeat.settings.kind === 'never') return { ok: true, draft };
  if (occurrence && !repeat.changed && draft.allDay === editing.allDay && draft.timeZone === editing.timeZone) return { ok: true, draft };
  // The API keeps a series a series (an empty recurrence is refused); ending it is what Ends or a delete is for.
  if (occurrence && repeat.settings.kind === 'never') {
    return { ok: false, errors: [{ field: 'recurrence', message: 'A series keeps repeating: to stop it, choose when it ends, or delete this and the following events.' }] };
  }
  // Both kinds of start are written in the event's own calendar: a UTC midnight, or a time with the zone's offset.
  const timing = { allDay: draft.allDay, timeZone: draft.timeZone, startDate: draft.start.slice(0, 10) };
  const result = recurrenceLines(repeat.settings, repeat.keptLines, timing);
  return result.ok ? { ok: true, draft: { ...draft, recurrence: result.lines } } : result;
}

/** The body for an event moved or resized on the calendar; everything but the times stays as stored. */
export function draftFromMove(event: CalendarEvent, range: PickedRange): EventDraft {
  let start: string;
  let end: string;
  if (range.allDay) {
    const startDate = localDateOf(range.start);
    start = utcMidnight(startDate);
    end = utcMidnight(range.end ? localDateOf(range.end) : addDays(startDate, 1));
  } else {
    const endDate = range.end ?? new Date(range.start.getTime() + DEFAULT_TIMED_MINUTES * 60_000);
    start = isoInZone(range.start, event.timeZone);
    end = isoInZone(endDate, event.timeZone);
  }
  return {
    title: event.title,
    start,
    end,
    allDay: range.allDay,
    timeZone: event.timeZone,
    ...(event.description ? { description: event.description } : {}),
    ...(event.location ? { location: event.location } : {}),
    // A PUT replaces the whole event: without its reminders a move would reset them to the defaults.
    ...remindersField(event.reminders),
  };
}

/** The draft with the reminders the dialog holds: left out when the defaults apply, which is what an absent field means. */
export function draftWithReminders(draft: EventDraft, reminders: EventReminders): EventDraft {
  const changed: { -readonly [K in keyof EventDraft]: EventDraft[K] } = { ...draft };
  delete changed.reminders;
  return { ...changed, ...remindersField(reminders) };
}

function remindersField(reminders: EventReminders): { reminders?: EventReminders } {
  return reminders.useDefault ? {} : { reminders: { useDefault: false, overrides: reminders.overrides } };
}

function parseField(values: EventFormValues, field: 'start' | 'end', errors: FieldProblem[]): string | null {
  const raw = values[field];
  try {
    if (values.allDay) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) throw new Error('not a date');
      // The dialog shows an inclusive last day; the API wants the midnight after it.
      return utcMidnight(field === 'end' ? addDays(raw, 1) : raw);
    }
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(raw)) throw new Error('not a date-time');
    // Without a usable zone the time cannot be placed; the time-zone error already says why.
    if (!isValidTimeZone(values.timeZone)) return null;
    return instantFromWallTime(raw, values.timeZone);
  } catch {
    errors.push({ field, message: values.allDay ? `Enter a valid ${field} date.` : `Enter a valid ${field} date and time.` });
    return null;
  }
}

function datePart(value: string): string {
  return value.slice(0, 10);
}
