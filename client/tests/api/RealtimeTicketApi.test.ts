import { describe, expect, it } from 'vitest';
import { AuthorizedFetch } from '../../src/api/AuthorizedFetch';
import { RealtimeTicketApi } from '../../src/api/RealtimeTicketApi';
import { fixedTokens } from './FixedTokens';


function recordingFetch(response: () => Response) {
  const calls: Array<{ url: string; method: string; authorization: string | null }> = [];
  const fetchFn = (input: string, init?: RequestInit): Promise<Response> => {
    calls.push({ url: input, method: init?.method ?? 'GET', authorization: new Headers(init?.headers).get('Authorization') });
    return Promise.resolve(response());
  };
  return { fetchFn, calls };
}

describe('RealtimeTicketApi', () => {
  it('asks for a ticket with the access token and returns it', async () => {
    const server = recordingFetch(() => new Response(JSON.stringify({ ticket: 'abc', expiresAt: '2026-01-01T00:00:00.000Z' }), { status: 201 }));
    const api = new RealtimeTicketApi(new AuthorizedFetch('', fixedTokens, server.fetchFn));

    expect(await api.requestTicket()).toBe('abc');
    expect(server.calls).toEqual([{ url: '/api/realtime/ticket', method: 'POST', authorization: 'Bearer token-1' }]);
  });

  it('voids outstanding tickets with DELETE on sign-out', async () => {
    const server = recordingFetch(() => new Response(null, { status: 204 }));
    const api = new RealtimeTicketApi(new AuthorizedFetch('', fixedTokens, server.fetchFn));

    await api.revokeAll();

    expect(server.calls).toEqual([{ url: '/api/realtime/tickets', method: 'DELETE', authorization: 'Bearer token-1' }]);
  });
});
