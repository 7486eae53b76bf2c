import { Temporal } from 'temporal-polyfill';

/** 'YYYY-MM-DD' */
export type PlainDateString = string;
/** 'YYYY-MM-DDTHH:mm', the value of an <input type="datetime-local"> */
export type WallTimeString = string;

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The wall-clock time an instant shows in a zone. */
export function wallTimeOf(instant: string | Date, timeZone: string): WallTimeString {
  const zoned = toInstant(instant).toZonedDateTimeISO(timeZone);
  return zoned.toPlainDateTime().toString({ smallestUnit: 'minute' });
}

/**
 * The instant a wall-clock time means in a zone, as ISO-8601 with that zone's offset. In a DST gap
 * the time moves forward; in an overlap the earlier instant wins (Temporal's "compatible").
 */
export function instantFromWallTime(wall: WallTimeString, timeZone: string): string {
  const zoned = Temporal.PlainDateTime.from(wall).toZonedDateTime(timeZone, { disambiguation: 'compatible' });
  return zoned.toString({ timeZoneName: 'never', smallestUnit: 'second' });
}

/** An instant written with the offset it has in `timeZone`. */
export function isoInZone(instant: string | Date, timeZone: string): string {
  return toInstant(instant).toZonedDateTimeISO(timeZone).toString({ timeZoneName: 'never', smallestUnit: 'second' });
}

/** The calendar date an instant falls on in a zone. */
export function dateInZone(instant: string | Date, timeZone: string): PlainDateString {
  return toInstant(instant).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

/** All-day events are stored midnight to midnight UTC: their dates are the UTC dates. */
export function utcDateOf(instant: string | Date): PlainDateString {
  return dateInZone(instant, 'UTC');
}

export function utcMidnight(date: PlainDateString): string {
  return `${Temporal.PlainDate.from(date).toString()}T00:00:00Z`;
}

export function addDays(date: PlainDateString, days: number): PlainDateString {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

export function addMinutesToWallTime(wall: WallTimeString, minutes: number): WallTimeString {
  return Temporal.PlainDateTime.from(wall).add({ minutes }).toString({ smallestUnit: 'minute' });
}

/** The browser-local calendar date of a Date (FullCalendar hands all-day days over as local midnights). */
export function localDateOf(date: Date): PlainDateString {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${String(date.getFullYear()).padStart(4, '0')}-${month}-${day}`;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Every zone the browser knows, with `required` ones first when it does not list them (e.g. "UTC"). */
export function timeZoneChoices(...required: string[]): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const all = new Set(known);
  const extra = required.filter((zone) => zone.length > 0 && !all.has(zone));
  return [...new Set(extra), ...known];
}

function toInstant(instant: string | Date): Temporal.Instant {
  return typeof instant === 'string'
    ? Temporal.Instant.from(instant)
    : Temporal.Instant.fromEpochMilliseconds(instant.getTime());
}
