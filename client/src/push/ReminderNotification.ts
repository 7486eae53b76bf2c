import { jsonObjectOrNull, nonEmptyStringField, numberField } from '../json/JsonObject';
import { clockTimeText, shortDateTimeText } from '../ui/DateText';

/** The push message's plaintext: the server's ReminderNotice, as the reminder socket frame carries it. */
export interface ReminderPayload {
  readonly reminderId: string;
  readonly eventId: string;
  readonly occurrenceStart: Date;
  readonly title: string;
  readonly start: Date;
  readonly minutesBefore: number;
}

/** What the service worker passes to `registration.showNotification`. */
export interface ReminderNotificationSpec {
  readonly title: string;
  readonly options: NotificationOptions & { readonly tag: string; readonly data: ReminderNotificationData };
}

/** Kept on the notification, for its click. */
export interface ReminderNotificationData {
  readonly reminderId: string | null;
  readonly eventId: string | null;
}

/** Shown for a push whose payload cannot be read: a push must show something (userVisibleOnly), so it says little. */
const UNREADABLE_TAG = 'reminder';

/** The payload's fields, or null when any is missing or of the wrong type. */
export function readReminderPayload(value: unknown): ReminderPayload | null {
  const object = jsonObjectOrNull(value);
  if (object === null) return null;
  const reminderId = nonEmptyStringField(object, 'reminderId');
  const eventId = nonEmptyStringField(object, 'eventId');
  const title = nonEmptyStringField(object, 'title');
  const start = instant(object['start']);
  const occurrenceStart = instant(object['occurrenceStart']);
  const minutesBefore = numberField(object, 'minutesBefore');
  if (reminderId === undefined || eventId === undefined || title === undefined || start === null || occurrenceStart === null || minutesBefore === undefined) {
    return null;
  }
  return { reminderId, eventId, occurrenceStart, title, start, minutesBefore };
}

/**
 * The notification for a reminder: the event's title, when it starts (the time alone on the same day in the device's
 * zone, else the date too), tagged with the reminder id so a second delivery of the same reminder replaces the first
 * instead of showing twice.
 */
export function reminderNotification(payload: ReminderPayload | null, now: Date, timeZone: string, locale?: string): ReminderNotificationSpec {
  if (payload === null) {
    return {
      title: 'Calendar reminder',
      options: { body: 'Open the calendar to see it.', tag: UNREADABLE_TAG, data: { reminderId: null, eventId: null } },
    };
  }
  const options = { timeZone, locale };
  const sameDay = calendarDay(payload.occurrenceStart, timeZone) === calendarDay(now, timeZone);
  const when = sameDay ? clockTimeText(payload.occurrenceStart, options) : shortDateTimeText(payload.occurrenceStart, options);
  return {
    title: payload.title,
    options: {
      body: `Starts ${when}`,
      tag: payload.reminderId,
      data: { reminderId: payload.reminderId, eventId: payload.eventId },
    },
  };
}

/** "2026-12-01": the date in `timeZone`, to compare days. */
function calendarDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

function instant(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}
