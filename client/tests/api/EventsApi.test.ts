import { describe, expect, it } from 'vitest';
import { AuthorizedFetch, type AccessTokenSource } from '../../src/api/AuthorizedFetch';
import { EventsApi } from '../../src/api/EventsApi';
import { ProblemError } from '../../src/api/ProblemError';
import { jsonResponse, scriptedServer } from './ScriptedServer';


const wireEvent = {
  id: 'e1', title: 'Lunch', start: '2026-03-10T12:00:00Z', end: '2026-03-10T13:00:00+00:00', allDay: false,
  timeZone: 'Europe/Berlin', description: null, location: 'Cafe', version: 2, updatedAt: '2026-03-01T00:00:00Z', source: 'api', eventType: 'default', readOnly: false,
};

class Tokens implements AccessTokenSource {
  refreshes = 0;
  current = 'token-1';
  getAccessToken(): Promise<string> {
    return Promise.resolve(this.current);
  }
  refreshNow(): Promise<string> {
    this.refreshes++;
    this.current = `token-${this.refreshes + 1}`;
    return Promise.resolve(this.current);
  }
}


function api(responses: Array<() => Response>, base = '') {
  const s = scriptedServer(responses);
  const tokens = new Tokens();
  return { ...s, tokens, api: new EventsApi(new AuthorizedFetch(base, tokens, s.fetchFn)) };
}

describe('EventsApi', () => {
  it('follows nextPageToken until the last page and returns every event in order', async () => {
    const t = api([
      () => jsonResponse(200, { events: [wireEvent], nextPageToken: 'page/2+' }),
      () => jsonResponse(200, { events: [{ ...wireEvent, id: 'e2' }], nextPageToken: 'p3' }),
      () => jsonResponse(200, { events: [{ ...wireEvent, id: 'e3' }] }),
    ]);
    const events = await t.api.list(new Date('2026-03-01T00:00:00Z'), new Date('2026-04-01T00:00:00Z'));
    expect(events.map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
    expect(t.calls).toHaveLength(3);
    expect(new URL(t.calls[0]!.url, 'http://x').searchParams.has('pageToken')).toBe(false);
    expect(t.calls.map((c) => new URL(c.url, 'http://x').searchParams.get('maxResults'))).toEqual(['2500', '2500', '2500']);
    expect(new URL(t.calls[1]!.url, 'http://x').searchParams.get('pageToken')).toBe('page/2+');
    expect(new URL(t.calls[2]!.url, 'http://x').searchParams.get('pageToken')).toBe('p3');
  });

  it('stops with an error when the server hands back a page token it already gave', async () => {
    const t = api([
      () => jsonResponse(200, { events: [wireEvent], nextPageToken: 'same' }),
      () => jsonResponse(200, { events: [], nextPageToken: 'same' }),
    ]);
    await expect(t.api.list(new Date('2026-03-01T00:00:00Z'), new Date('2026-04-01T00:00:00Z'))).rejects.toThrow(/repeated a page token/);
  });

  it('lists a range with ISO instants and a bearer token, parsing events to UTC instants', async () => {
    const t = api([() => jsonResponse(200, { events: [wireEvent] })], 'https://cal.example');
    const events = await t.api.list(new Date('2026-03-01T00:00:00Z'), new Date('2026-04-01T00:00:00Z'));
    expect(t.calls[0]!.url).toBe('https://cal.example/api/events?from=2026-03-01T00%3A00%3A00.000Z&to=2026-04-01T00%3A00%3A00.000Z&maxResults=2500');
    expect(t.calls[0]!.headers.get('Authorization')).toBe('Bearer token-1');
    expect(events).toEqual([{ ...wireEvent, start: '2026-03-10T12:00:00.000Z', end: '2026-03-10T13:00:00.000Z', updatedAt: '2026-03-01T00:00:00Z', recurrence: null, recurringEventId: null, originalStartTime: null, reminders: { useDefault: true, overrides: [] } }]);
  });

  it('creates with a JSON body and no If-Match', async () => {
    const t = api([() => jsonResponse(201, wireEvent, { ETag: '"1"' })]);
    const draft = { title: 'Lunch', start: '2026-03-10T13:00:00+01:00', end: '2026-03-10T14:00:00+01:00', allDay: false, timeZone: 'Europe/Berlin' };
    await t.api.create(draft);
    expect(t.calls[0]!.method).toBe('POST');
    expect(t.calls[0]!.url).toBe('/api/events');
    expect(t.calls[0]!.headers.get('Content-Type')).toBe('application/json');
    expect(t.calls[0]!.headers.has('If-Match')).toBe(false);
    expect(JSON.parse(t.calls[0]!.body!)).toEqual(draft);
  });

  it('sends If-Match with the quoted version on update and delete', async () => {
    const t = api([() => jsonResponse(200, { ...wireEvent, version: 3 }), () => new Response(null, { status: 204 })]);
    const draft = { title: 'Lunch', start: '2026-03-10T12:00:00Z', end: '2026-03-10T13:00:00Z', allDay: false, timeZone: 'UTC' };
    const updated = await t.api.update('e 1', 2, draft);
    await t.api.delete('e 1', 3);
    expect(updated.version).toBe(3);
    expect(t.calls.map((c) => [c.method, c.url, c.headers.get('If-Match')])).toEqual([
      ['PUT', '/api/events/e%201', '"2"'],
      ['DELETE', '/api/events/e%201', '"3"'],
    ]);
  });

  it('sends the scope of an occurrence\'s edit or delete in the query, with the series\' version as If-Match', async () => {
    const occurrence = { ...wireEvent, id: 's1_20260310T120000Z', recurringEventId: 's1', originalStartTime: '2026-03-10T12:00:00Z', version: 4 };
    const t = api([() => jsonResponse(200, { ...occurrence, version: 5 }), () => new Response(null, { status: 204 })]);
    const draft = { title: 'Lunch', start: '2026-03-10T13:00:00Z', end: '2026-03-10T14:00:00Z', allDay: false, timeZone: 'UTC' };
    const moved = await t.api.update(occurrence.id, 4, draft, 'this');
    await t.api.delete(occurrence.id, 5, 'following');
    expect(moved.recurringEventId).toBe('s1');
    expect(t.calls.map((c) => [c.method, c.url, c.headers.get('If-Match')])).toEqual([
      ['PUT', '/api/events/s1_20260310T120000Z?scope=this', '"4"'],
      ['DELETE', '/api/events/s1_20260310T120000Z?scope=following', '"5"'],
    ]);
    expect(JSON.parse(t.calls[0]!.body!)).toEqual(draft);
  });

  it('reads a series\' recurrence and an occurrence\'s series id and original start', async () => {
    const t = api([
      () => jsonResponse(200, { ...wireEvent, id: 's1', recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=TU', 'EXDATE:20260317T120000Z'] }),
      () => jsonResponse(200, { ...wireEvent, id: 's1_20260310T120000Z', recurringEventId: 's1', originalStartTime: '2026-03-10T12:00:00+00:00' }),
    ]);
    const series = await t.api.get('s1');
    const occurrence = await t.api.get('s1_20260310T120000Z');
    expect([series.recurrence, series.recurringEventId, series.originalStartTime]).toEqual([['RRULE:FREQ=WEEKLY;BYDAY=TU', 'EXDATE:20260317T120000Z'], null, null]);
    expect([occurrence.recurrence, occurrence.recurringEventId, occurrence.originalStartTime]).toEqual([null, 's1', '2026-03-10T12:00:00.000Z']);
  });

  it('refuses a recurrence that is not a list of lines', async () => {
    const t = api([() => jsonResponse(200, { ...wireEvent, recurrence: 'RRULE:FREQ=DAILY' })]);
    await expect(t.api.get('e1')).rejects.toThrow(/recurrence/);
  });

  it('turns a 412 into a ProblemError with that status', async () => {
    const t = api([() => jsonResponse(412, { type: 'urn:problem:stale', title: 'Version mismatch', status: 412 }, { 'Content-Type': 'application/problem+json' })]);
    const error = await t.api.delete('e1', 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).status).toBe(412);
    expect((error as ProblemError).title).toBe('Version mismatch');
  });

  it('retries once with a fresh token after a 401', async () => {
    const t = api([() => new Response(null, { status: 401 }), () => jsonResponse(200, wireEvent)]);
    await t.api.get('e1');
    expect(t.tokens.refreshes).toBe(1);
    expect(t.calls.map((c) => c.headers.get('Authorization'))).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('gives up after a second 401', async () => {
    const t = api([() => new Response(null, { status: 401 }), () => new Response(null, { status: 401 })]);
    const error = await t.api.get('e1').catch((e: unknown) => e);
    expect((error as ProblemError).status).toBe(401);
    expect(t.calls).toHaveLength(2);
  });

  it('reports a request that got no answer as a network problem', async () => {
    const s = { fetchFn: (): Promise<Response> => Promise.reject(new TypeError('Failed to fetch')) };
    const events = new EventsApi(new AuthorizedFetch('', new Tokens(), s.fetchFn));
    const error = await events.get('e1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).status).toBe(0);
  });

  it('rejects an event without a version rather than rendering it', async () => {
    const t = api([() => jsonResponse(200, { ...wireEvent, version: undefined })]);
    await expect(t.api.get('e1')).rejects.toThrow(/version/);
  });
});
