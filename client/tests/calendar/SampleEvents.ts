import type { CalendarEvent } from '../../src/api/CalendarEvent';
import { DEFAULT_REMINDERS } from '../../src/api/EventReminders';

/** A timed single event as the API returns it (10 March 2026, 09:00-10:00 UTC) with the given fields changed. */
export function sampleEvent(id: string, version: number, overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    id,
    title: `${id} v${version}`,
    start: '2026-03-10T09:00:00.000Z',
    end: '2026-03-10T10:00:00.000Z',
    allDay: false,
    timeZone: 'UTC',
    description: null,
    location: null,
    version,
    updatedAt: '2026-03-01T00:00:00.000Z',
    source: 'api',
    eventType: 'default',
    readOnly: false,
    recurrence: null,
    recurringEventId: null,
    originalStartTime: null,
    reminders: DEFAULT_REMINDERS,
    ...overrides,
  };
}

/** An occurrence of series `seriesId` at `start` (one hour), with the series' version, as a range listing returns it. */
export function sampleOccurrence(seriesId: string, start: string, version: number, overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  const basic = start.replace(/[-:]/g, '').replace(/\.\d+/, '');
  return sampleEvent(`${seriesId}_${basic}`, version, {
    title: `${seriesId} v${version}`,
    start,
    end: new Date(Date.parse(start) + 3_600_000).toISOString(),
    recurringEventId: seriesId,
    originalStartTime: start,
    ...overrides,
  });
}

/** The series item itself (what GET /api/events/{seriesId} and a series push carry). */
export function sampleSeries(seriesId: string, version: number, recurrence: readonly string[], overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  return sampleEvent(seriesId, version, { recurrence, ...overrides });
}
