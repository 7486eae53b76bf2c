import { describe, expect, it } from 'vitest';
import { CognitoClient } from '../../src/auth/CognitoClient';
import { CognitoError } from '../../src/auth/CognitoError';
import type { FetchLike } from '../../src/api/FetchLike';

interface RecordedRequest {
  url: string;
  method: string | undefined;
  headers: Headers;
  body: unknown;
}

function fakeFetch(respond: () => Response | Promise<Response>): { fetch: FetchLike; requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  const fetchFn = async (input: string, init?: RequestInit): Promise<Response> => {
    requests.push({
      url: input,
      method: init?.method,
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    return await respond();
  };
  return { fetch: fetchFn, requests };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/x-amz-json-1.1', ...headers } });
}

const tokens = {
  AuthenticationResult: {
    AccessToken: 'access-1',
    IdToken: 'id-1',
    RefreshToken: 'refresh-1',
    ExpiresIn: 3600,
    TokenType: 'Bearer',
  },
  ChallengeParameters: {},
};

const endpoint = 'http://127.0.0.1:9229/';

async function rejection(promise: Promise<unknown>): Promise<CognitoError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(CognitoError);
    return error as CognitoError;
  }
  throw new Error('Expected the call to fail.');
}

describe('CognitoClient', () => {
  it('signs in with InitiateAuth USER_PASSWORD_AUTH in the JSON 1.1 protocol', async () => {
    const fake = fakeFetch(() => json(200, tokens));
    const client = new CognitoClient(endpoint, 'client-123', fake.fetch);

    const result = await client.signIn('ada@example.com', 'correct horse');

    expect(fake.requests).toHaveLength(1);
    const request = fake.requests[0]!;
    expect(request.url).toBe(endpoint);
    expect(request.method).toBe('POST');
    expect(request.headers.get('Content-Type')).toBe('application/x-amz-json-1.1');
    expect(request.headers.get('X-Amz-Target')).toBe('AWSCognitoIdentityProviderService.InitiateAuth');
    expect(request.body).toEqual({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: 'client-123',
      AuthParameters: { USERNAME: 'ada@example.com', PASSWORD: 'correct horse' },
    });
    expect(result).toEqual({
      accessToken: 'access-1',
      idToken: 'id-1',
      refreshToken: 'refresh-1',
      expiresIn: 3600,
      tokenType: 'Bearer',
    });
  });

  it('refreshes with REFRESH_TOKEN_AUTH and accepts an answer without a new refresh token', async () => {
    const fake = fakeFetch(() => json(200, { AuthenticationResult: { AccessToken: 'access-2', IdToken: 'id-2', ExpiresIn: 300, TokenType: 'Bearer' } }));
    const client = new CognitoClient(endpoint, 'client-123', fake.fetch);

    const result = await client.refresh('refresh-1');

    expect(fake.requests[0]!.body).toEqual({
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: 'client-123',
      AuthParameters: { REFRESH_TOKEN: 'refresh-1' },
    });
    expect(result.accessToken).toBe('access-2');
    expect(result.refreshToken).toBeUndefined();
    expect(result.expiresIn).toBe(300);
  });

  it('maps NotAuthorizedException on sign-in to a wrong-credentials message', async () => {
    const fake = fakeFetch(() => json(400, { __type: 'NotAuthorizedException', message: 'Incorrect username or password.' }));
    const error = await rejection(new CognitoClient(endpoint, 'c', fake.fetch).signIn('a@b.c', 'nope'));
    expect(error.code).toBe('NotAuthorizedException');
    expect(error.message).toBe('Incorrect username or password.');
    expect(error.userMessage).toBe('Incorrect e-mail or password.');
    expect(error.isRejection).toBe(true);
  });

  it('maps NotAuthorizedException on refresh to an ended session', async () => {
    const fake = fakeFetch(() => json(400, { __type: 'NotAuthorizedException', message: 'Refresh Token has expired' }));
    const error = await rejection(new CognitoClient(endpoint, 'c', fake.fetch).refresh('old'));
    expect(error.userMessage).toBe('Your session has ended. Please sign in again.');
    expect(error.isRejection).toBe(true);
  });

  it('reads a namespaced __type', async () => {
    const fake = fakeFetch(() => json(400, { __type: 'com.amazonaws.cognito#UserNotConfirmedException', message: 'User is not confirmed.' }));
    const error = await rejection(new CognitoClient(endpoint, 'c', fake.fetch).signIn('a@b.c', 'pw'));
    expect(error.code).toBe('UserNotConfirmedException');
    expect(error.userMessage).toBe('This account has not been confirmed yet.');
  });

  it('falls back to the x-amzn-ErrorType header when the body has no __type', async () => {
    const fake = fakeFetch(() => json(400, { message: 'Rate exceeded' }, { 'x-amzn-ErrorType': 'TooManyRequestsException:http://internal' }));
    const error = await rejection(new CognitoClient(endpoint, 'c', fake.fetch).signIn('a@b.c', 'pw'));
    expect(error.code).toBe('TooManyRequestsException');
    expect(error.userMessage).toBe('Too many attempts. Wait a moment and try again.');
    expect(error.isRejection).toBe(false);
  });

  it('reports a server error that is not JSON as a transient failure', async () => {
    const fake = fakeFetch(() => new Response('upstream down', { status: 503 }));
    const error = await rejection(new CognitoClient(endpoint, 'c', fake.fetch).signIn('a@b.c', 'pw'));
    expect(error.code).toBe('HTTP503');
    expect(error.isRejection).toBe(false);
    expect(error.userMessage).toContain('Sign-in failed');
  });

  it('reports an unreachable endpoint as NetworkError', async () => {
    const fake = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await rejection(new CognitoClient(endpoint, 'c', fake.fetch).signIn('a@b.c', 'pw'));
    expect(error.code).toBe('NetworkError');
    expect(error.isRejection).toBe(false);
    expect(error.userMessage).toBe('Cannot reach the sign-in service. Check your connection and try again.');
  });

  it('refuses a challenge it cannot complete instead of pretending to be signed in', async () => {
    const fake = fakeFetch(() => json(200, { ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 's', ChallengeParameters: {} }));
    const error = await rejection(new CognitoClient(endpoint, 'c', fake.fetch).signIn('a@b.c', 'pw'));
    expect(error.code).toBe('UnsupportedChallenge');
    expect(error.userMessage).toContain('NEW_PASSWORD_REQUIRED');
  });

  it('rejects an AuthenticationResult without an access token', async () => {
    const fake = fakeFetch(() => json(200, { AuthenticationResult: { ExpiresIn: 3600 } }));
    const error = await rejection(new CognitoClient(endpoint, 'c', fake.fetch).signIn('a@b.c', 'pw'));
    expect(error.code).toBe('InvalidResponse');
  });

  it('takes the lifetime from the access token when ExpiresIn is missing, as cognito-local answers', async () => {
    const claims = btoa(JSON.stringify({ sub: 'u', exp: 1_700_003_600 })).replaceAll('=', '');
    const jwt = `eyJhbGciOiJSUzI1NiJ9.${claims}.sig`;
    const fake = fakeFetch(() => json(200, { AuthenticationResult: { AccessToken: jwt, RefreshToken: 'r' }, ChallengeParameters: {} }));
    const result = await new CognitoClient(endpoint, 'c', fake.fetch, () => 1_700_000_000_000).signIn('a@b.c', 'pw');
    expect(result.expiresIn).toBe(3600);
    expect(result.tokenType).toBe('Bearer');
  });

  it('rejects a result with neither ExpiresIn nor a readable exp claim', async () => {
    const fake = fakeFetch(() => json(200, { AuthenticationResult: { AccessToken: 'not-a-jwt' } }));
    const error = await rejection(new CognitoClient(endpoint, 'c', fake.fetch).signIn('a@b.c', 'pw'));
    expect(error.code).toBe('InvalidResponse');
  });

  it('words cognito-local\'s wrong-password answer like Cognito\'s', async () => {
    const fake = fakeFetch(() => json(400, { __type: 'InvalidPasswordException', message: 'Invalid password' }));
    const error = await rejection(new CognitoClient(endpoint, 'c', fake.fetch).signIn('a@b.c', 'wrong'));
    expect(error.userMessage).toBe('Incorrect e-mail or password.');
  });
});
