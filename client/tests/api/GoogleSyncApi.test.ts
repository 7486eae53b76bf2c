import { describe, expect, it } from 'vitest';
import { AuthorizedFetch } from '../../src/api/AuthorizedFetch';
import { GoogleSyncApi, googleReturnMessage } from '../../src/api/GoogleSyncApi';
import { fixedTokens } from './FixedTokens';


function apiAnswering(status: number, body: unknown, contentType = 'application/json') {
  const calls: Array<{ url: string; method: string }> = [];
  const fetchFn = (input: string, init?: RequestInit): Promise<Response> => {
    calls.push({ url: input, method: init?.method ?? 'GET' });
    return Promise.resolve(new Response(body === null ? null : JSON.stringify(body), { status, headers: { 'Content-Type': contentType } }));
  };
  return { api: new GoogleSyncApi(new AuthorizedFetch('', fixedTokens, fetchFn)), calls };
}

describe('GoogleSyncApi', () => {
  it('reads the connection status', async () => {
    const { api } = apiAnswering(200, { connected: true, lastSyncAt: '2026-11-26T10:00:00Z', lastSyncError: null, pushChannel: true });

    expect(await api.status()).toEqual({ kind: 'status', connected: true, lastSyncAt: '2026-11-26T10:00:00Z', lastSyncError: null });
  });

  it('turns a 503 problem into "unavailable" with the server explanation', async () => {
    const { api } = apiAnswering(
      503,
      { type: '/problems/google-not-configured', title: 'Google sync is not set up.', status: 503, detail: 'Set GOOGLE_CLIENT_ID.' },
      'application/problem+json',
    );

    expect(await api.status()).toEqual({ kind: 'unavailable', message: 'Set GOOGLE_CLIENT_ID.' });
  });

  it('fetches the consent URL with the access token instead of navigating to the route', async () => {
    const { api, calls } = apiAnswering(200, { authorizationUrl: 'https://accounts.google.com/o/oauth2/v2/auth?state=x' });

    expect(await api.authorizationUrl()).toBe('https://accounts.google.com/o/oauth2/v2/auth?state=x');
    expect(calls).toEqual([{ url: '/api/google/connect', method: 'GET' }]);
  });

  it('rejects an answer without an authorization URL', async () => {
    const { api } = apiAnswering(200, { authorizationUrl: 'javascript:alert(1)' });

    await expect(api.authorizationUrl()).rejects.toThrow();
  });

  it('disconnects with DELETE and syncs with POST', async () => {
    const { api, calls } = apiAnswering(204, null);

    await api.disconnect();
    await api.syncNow();

    expect(calls).toEqual([{ url: '/api/google', method: 'DELETE' }, { url: '/api/google/sync', method: 'POST' }]);
  });

  it('explains the return flags from the consent page', () => {
    expect(googleReturnMessage('?google=connected')).toBe('Google Calendar connected.');
    expect(googleReturnMessage('?google=declined')).toContain('declined');
    expect(googleReturnMessage('?view=week')).toBeNull();
  });
});
