import type { AuthorizedFetch } from './AuthorizedFetch';
import { jsonObjectBody, stringField } from '../json/JsonObject';
import { parseCalendarEvent, type CalendarEvent, type EventDraft } from './CalendarEvent';
import type { EditScope } from './EditScope';
import { jsonRequest } from './JsonRequest';

/** The largest page the API hands out (Google Calendar's `maxResults` ceiling, EventPaging.MaxResultsCeiling). */
export const MAX_RESULTS = 2500;

/** The calendar's HTTP API: /api/events. Every write carries If-Match with the version it was based on. */
export class EventsApi {
  constructor(private readonly http: AuthorizedFetch) {}

  /**
   * Events overlapping [from, to), every page of them: the API answers a page at a time (Google Calendar's shape,
   * `nextPageToken` out, `pageToken` back in) so no answer can outgrow Lambda's 6 MB. It asks for the largest pages
   * (`maxResults` at Google's ceiling): the server still cuts a page by size, and fewer pages are fewer round trips.
   */
  async list(from: Date, to: Date, signal?: AbortSignal): Promise<CalendarEvent[]> {
    const events: CalendarEvent[] = [];
    const seenTokens = new Set<string>();
    let pageToken: string | undefined;
    do {
      const query = new URLSearchParams({ from: from.toISOString(), to: to.toISOString(), maxResults: String(MAX_RESULTS) });
      if (pageToken !== undefined) query.set('pageToken', pageToken);
      const response = await this.http.send(`/api/events?${query.toString()}`, signal ? { signal } : {});
      const body = await jsonObjectBody(response);
      const listed = body['events'];
      if (Array.isArray(listed)) events.push(...listed.map(parseCalendarEvent));
      pageToken = stringField(body, 'nextPageToken');
      // A server that hands the same token back twice would page forever.
      if (pageToken !== undefined && seenTokens.has(pageToken)) throw new Error('The events listing repeated a page token.');
      if (pageToken !== undefined) seenTokens.add(pageToken);
    } while (pageToken !== undefined);
    return events;
  }

  async get(id: string): Promise<CalendarEvent> {
    const response = await this.http.send(`/api/events/${encodeURIComponent(id)}`);
    return parseCalendarEvent(await response.json());
  }

  async create(draft: EventDraft): Promise<CalendarEvent> {
    const response = await this.http.send('/api/events', jsonRequest('POST', draft));
    return parseCalendarEvent(await response.json());
  }

  /**
   * Replaces an event. For an occurrence of a series, `version` is the series' (the occurrence carries it) and `scope`
   * says which occurrences change; the answer is then the changed occurrence (this) or the changed or new series.
   */
  async update(id: string, version: number, draft: EventDraft, scope?: EditScope): Promise<CalendarEvent> {
    const response = await this.http.send(eventPath(id, scope), jsonRequest('PUT', draft, { 'If-Match': etag(version) }));
    return parseCalendarEvent(await response.json());
  }

  async delete(id: string, version: number, scope?: EditScope): Promise<void> {
    await this.http.send(eventPath(id, scope), { method: 'DELETE', headers: { 'If-Match': etag(version) } });
  }
}

function eventPath(id: string, scope: EditScope | undefined): string {
  const path = `/api/events/${encodeURIComponent(id)}`;
  return scope === undefined ? path : `${path}?scope=${scope}`;
}

function etag(version: number): string {
  return `"${version}"`;
}
