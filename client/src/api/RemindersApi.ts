import type { AuthorizedFetch } from './AuthorizedFetch';
import { jsonObjectBody } from '../json/JsonObject';
import { jsonRequest } from './JsonRequest';
import { parseReminderOverrides, type ReminderOverride } from './ReminderOverride';

/**
 * The user's default reminders (`GET/PUT /api/settings/reminders`, Google Calendar's `defaultReminders` shape) and
 * what a person does with a reminder that fired: `POST /api/reminders/{id}/dismiss` and `/snooze` (five minutes).
 * The server pushes the effect to every tab, this one included.
 */
export class RemindersApi {
  constructor(private readonly http: AuthorizedFetch) {}

  async defaults(signal?: AbortSignal): Promise<ReminderOverride[]> {
    const response = await this.http.send('/api/settings/reminders', signal ? { signal } : {});
    return parseReminderOverrides((await jsonObjectBody(response))['defaultReminders']);
  }

  /** Replaces the defaults; answers what the server stored (the list sent, when it answers without a body). */
  async saveDefaults(defaults: readonly ReminderOverride[]): Promise<ReminderOverride[]> {
    const response = await this.http.send('/api/settings/reminders', jsonRequest('PUT', { defaultReminders: defaults }));
    const stored = (await jsonObjectBody(response))['defaultReminders'];
    return stored === undefined ? [...defaults] : parseReminderOverrides(stored);
  }

  async dismiss(reminderId: string): Promise<void> {
    await this.http.send(`/api/reminders/${encodeURIComponent(reminderId)}/dismiss`, { method: 'POST' });
  }

  async snooze(reminderId: string): Promise<void> {
    await this.http.send(`/api/reminders/${encodeURIComponent(reminderId)}/snooze`, { method: 'POST' });
  }
}
