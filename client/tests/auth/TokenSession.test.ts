import { describe, expect, it } from 'vitest';
import type { AuthTokens } from '../../src/auth/AuthTokens';
import { CognitoError } from '../../src/auth/CognitoError';
import { REFRESH_TOKEN_KEY, TokenSession, type SessionClock, type TokenIssuer } from '../../src/auth/TokenSession';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

class ManualClock implements SessionClock {
  time = 1_000_000;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();
  private nextId = 1;
  now(): number {
    return this.time;
  }
  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, callback });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  get nextDelay(): number | undefined {
    const at = [...this.timers.values()].map((t) => t.at).sort((a, b) => a - b)[0];
    return at === undefined ? undefined : at - this.time;
  }
  async advance(ms: number): Promise<void> {
    this.time += ms;
    for (const [id, timer] of [...this.timers]) {
      if (timer.at <= this.time) {
        this.timers.delete(id);
        timer.callback();
      }
    }
    for (let i = 0; i < 5; i++) await Promise.resolve();
  }
}

class FakeIssuer implements TokenIssuer {
  refreshCalls: string[] = [];
  refreshResult: () => Promise<AuthTokens> = () => Promise.resolve(tokens('access-refreshed', undefined, 3600));
  signIn(): Promise<AuthTokens> {
    return Promise.resolve(tokens('access-1', 'refresh-1', 3600));
  }
  refresh(refreshToken: string): Promise<AuthTokens> {
    this.refreshCalls.push(refreshToken);
    return this.refreshResult();
  }
}

function tokens(accessToken: string, refreshToken: string | undefined, expiresIn: number): AuthTokens {
  return { accessToken, idToken: 'id', refreshToken, expiresIn, tokenType: 'Bearer' };
}

function setup() {
  const issuer = new FakeIssuer();
  const storage = new MemoryStorage();
  const clock = new ManualClock();
  const session = new TokenSession(issuer, storage, clock);
  let signedOut = 0;
  session.onSignedOut(() => signedOut++);
  return { issuer, storage, clock, session, get signedOut() { return signedOut; } };
}

describe('TokenSession', () => {
  it('keeps the refresh token in storage and the access token in memory only', async () => {
    const t = setup();
    await t.session.signIn('a@b.c', 'pw');
    expect([...t.storage.items]).toEqual([[REFRESH_TOKEN_KEY, 'refresh-1']]);
    expect(await t.session.getAccessToken()).toBe('access-1');
  });

  it('refreshes one minute before the access token expires', async () => {
    const t = setup();
    await t.session.signIn('a@b.c', 'pw');
    expect(t.clock.nextDelay).toBe(3600_000 - 60_000);
    await t.clock.advance(3600_000 - 60_000);
    expect(t.issuer.refreshCalls).toEqual(['refresh-1']);
    expect(await t.session.getAccessToken()).toBe('access-refreshed');
    // Cognito does not rotate the refresh token on REFRESH_TOKEN_AUTH: the stored one stays.
    expect(t.storage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-1');
  });

  it('refreshes on demand when the token is about to expire (a tab that slept through its timer)', async () => {
    const t = setup();
    await t.session.signIn('a@b.c', 'pw');
    t.clock.time += 3600_000 - 30_000;
    expect(await t.session.getAccessToken()).toBe('access-refreshed');
    expect(t.issuer.refreshCalls).toHaveLength(1);
  });

  it('runs one refresh at a time however many callers ask', async () => {
    const t = setup();
    await t.session.signIn('a@b.c', 'pw');
    const results = await Promise.all([t.session.refreshNow(), t.session.refreshNow(), t.session.refreshNow()]);
    expect(results).toEqual(['access-refreshed', 'access-refreshed', 'access-refreshed']);
    expect(t.issuer.refreshCalls).toHaveLength(1);
  });

  it('resumes from a stored refresh token in a new tab', async () => {
    const t = setup();
    t.storage.setItem(REFRESH_TOKEN_KEY, 'stored');
    expect(await t.session.resume()).toBe(true);
    expect(t.issuer.refreshCalls).toEqual(['stored']);
    expect(await t.session.getAccessToken()).toBe('access-refreshed');
  });

  it('does not resume without a stored refresh token', async () => {
    const t = setup();
    expect(await t.session.resume()).toBe(false);
    expect(t.issuer.refreshCalls).toEqual([]);
  });

  it('signs out when the refresh token is refused', async () => {
    const t = setup();
    await t.session.signIn('a@b.c', 'pw');
    t.issuer.refreshResult = () => Promise.reject(new CognitoError('NotAuthorizedException', 'expired', 'Your session has ended.'));
    await expect(t.session.refreshNow()).rejects.toBeInstanceOf(CognitoError);
    expect(t.storage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
    expect(t.signedOut).toBe(1);
  });

  it('stays signed in and retries later when a refresh fails for a transient reason', async () => {
    const t = setup();
    await t.session.signIn('a@b.c', 'pw');
    t.issuer.refreshResult = () => Promise.reject(new CognitoError('NetworkError', 'offline', 'Cannot reach.'));
    await expect(t.session.refreshNow()).rejects.toBeInstanceOf(CognitoError);
    expect(t.signedOut).toBe(0);
    expect(t.storage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-1');
    expect(t.clock.nextDelay).toBe(30_000);
  });

  it('sign-out clears tokens and cancels the scheduled refresh', async () => {
    const t = setup();
    await t.session.signIn('a@b.c', 'pw');
    t.session.signOut();
    expect(t.storage.items.size).toBe(0);
    expect(t.clock.nextDelay).toBeUndefined();
    expect(t.signedOut).toBe(1);
    await expect(t.session.getAccessToken()).rejects.toBeInstanceOf(CognitoError);
  });

  it('a refresh that completes after sign-out does not sign the session back in', async () => {
    const t = setup();
    await t.session.signIn('a@b.c', 'pw');
    let finish: (value: AuthTokens) => void = () => undefined;
    t.issuer.refreshResult = () => new Promise((resolve) => (finish = resolve));
    const refreshing = t.session.refreshNow();
    t.session.signOut();
    finish(tokens('late', 'late-refresh', 3600));
    await expect(refreshing).rejects.toBeInstanceOf(CognitoError);
    expect(t.storage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
  });

  it('follows a sign-out made in another tab', async () => {
    const t = setup();
    await t.session.signIn('a@b.c', 'pw');
    t.storage.removeItem(REFRESH_TOKEN_KEY);
    t.session.handleStorageEvent(REFRESH_TOKEN_KEY, null);
    expect(t.signedOut).toBe(1);
  });
});
