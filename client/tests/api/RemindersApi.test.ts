import { describe, expect, it } from 'vitest';
import { AuthorizedFetch } from '../../src/api/AuthorizedFetch';
import { ProblemError } from '../../src/api/ProblemError';
import { RemindersApi } from '../../src/api/RemindersApi';
import { fixedTokens } from './FixedTokens';
import { jsonResponse, scriptedServer } from './ScriptedServer';

function api(responses: Array<() => Response>) {
  const server = scriptedServer(responses);
  return { ...server, api: new RemindersApi(new AuthorizedFetch('https://cal.example', fixedTokens, server.fetchFn)) };
}

describe('RemindersApi', () => {
  it('reads the default reminders with the bearer token', async () => {
    const t = api([() => jsonResponse(200, { defaultReminders: [{ method: 'popup', minutes: 30 }, { method: 'popup', minutes: 10 }] })]);
    expect(await t.api.defaults()).toEqual([{ method: 'popup', minutes: 10 }, { method: 'popup', minutes: 30 }]);
    expect(t.calls[0]).toMatchObject({ url: 'https://cal.example/api/settings/reminders', method: 'GET' });
    expect(t.calls[0]!.headers.get('Authorization')).toBe('Bearer token-1');
  });

  it('replaces the defaults with a JSON body in Google\'s defaultReminders shape and answers what was stored', async () => {
    const t = api([() => jsonResponse(200, { defaultReminders: [{ method: 'popup', minutes: 15 }] })]);
    expect(await t.api.saveDefaults([{ method: 'popup', minutes: 15 }])).toEqual([{ method: 'popup', minutes: 15 }]);
    expect(t.calls[0]).toMatchObject({ url: 'https://cal.example/api/settings/reminders', method: 'PUT' });
    expect(t.calls[0]!.headers.get('Content-Type')).toBe('application/json');
    expect(JSON.parse(t.calls[0]!.body!)).toEqual({ defaultReminders: [{ method: 'popup', minutes: 15 }] });
  });

  it('takes a bodiless answer to a save as the list sent', async () => {
    const t = api([() => new Response(null, { status: 204 })]);
    expect(await t.api.saveDefaults([])).toEqual([]);
  });

  it('dismisses and snoozes by reminder id, escaped into the path', async () => {
    const t = api([() => new Response(null, { status: 204 }), () => new Response(null, { status: 204 })]);
    await t.api.dismiss('r/1 2');
    await t.api.snooze('r2');
    expect(t.calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST https://cal.example/api/reminders/r%2F1%202/dismiss',
      'POST https://cal.example/api/reminders/r2/snooze',
    ]);
  });

  it('fails with the server\'s problem', async () => {
    const t = api([() => jsonResponse(404, { type: '/problems/not-found', title: 'No such reminder', status: 404 })]);
    const failure = await t.api.dismiss('gone').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ProblemError);
    expect((failure as ProblemError).status).toBe(404);
  });
});
