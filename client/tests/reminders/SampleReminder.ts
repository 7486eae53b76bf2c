import type { ReminderMessage } from '../../src/realtime/ReminderMessage';

/** A reminder frame as the server sends it: "Standup" at 09:00 UTC on 7 December 2026, 10 minutes before. */
export function sampleReminder(reminderId: string, overrides: Partial<ReminderMessage> = {}): ReminderMessage {
  return {
    type: 'reminder',
    reminderId,
    eventId: 'e1',
    occurrenceStart: '2026-12-07T09:00:00.000Z',
    title: 'Standup',
    start: '2026-12-07T09:00:00.000Z',
    minutesBefore: 10,
    ...overrides,
  };
}
