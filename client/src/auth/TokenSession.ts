import type { AuthTokens } from './AuthTokens';
import { CognitoError } from './CognitoError';

/** The Cognito calls a session needs; CognitoClient is the real one. */
export interface TokenIssuer {
  signIn(username: string, password: string): Promise<AuthTokens>;
  refresh(refreshToken: string): Promise<AuthTokens>;
}

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface SessionClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const systemClock: SessionClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Stored in localStorage so that a new tab of the same browser starts signed in. */
export const REFRESH_TOKEN_KEY = 'realtime-calendar.refreshToken';

/** Refresh this long before the access token expires. */
const REFRESH_MARGIN_MS = 60_000;
/** After a refresh that failed for a transient reason (network, throttling), try again this much later. */
const RETRY_AFTER_FAILURE_MS = 30_000;

/**
 * Holds the access token in memory only and the refresh token in storage; refreshes a minute before
 * expiry and on demand (a 401), with one refresh in flight at a time.
 */
export class TokenSession {
  private accessToken: string | null = null;
  private expiresAt = 0;
  private refreshTimer: unknown = null;
  private inFlight: Promise<string> | null = null;
  /** Bumped by signOut so that a refresh that was under way cannot sign the session back in. */
  private generation = 0;
  private readonly signedOutListeners = new Set<() => void>();

  constructor(
    private readonly issuer: TokenIssuer,
    private readonly storage: KeyValueStorage,
    private readonly clock: SessionClock = systemClock,
  ) {}

  get hasStoredSession(): boolean {
    return this.storage.getItem(REFRESH_TOKEN_KEY) !== null;
  }

  async signIn(username: string, password: string): Promise<void> {
    const tokens = await this.issuer.signIn(username, password);
    this.accept(tokens);
  }

  /** Starts from a refresh token left by an earlier visit; false when there is none or it was refused. */
  async resume(): Promise<boolean> {
    if (!this.hasStoredSession) return false;
    try {
      await this.refreshNow();
      return true;
    } catch (error) {
      if (error instanceof CognitoError && error.isRejection) return false;
      throw error;
    }
  }

  /** A usable access token, refreshing first when it is missing or about to expire. */
  async getAccessToken(): Promise<string> {
    if (this.accessToken !== null && this.clock.now() < this.expiresAt - REFRESH_MARGIN_MS) {
      return this.accessToken;
    }
    return this.refreshNow();
  }

  /** Refreshes now (joining a refresh already under way); a refused refresh token signs the session out. */
  refreshNow(): Promise<string> {
    this.inFlight ??= this.refreshOnce().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  signOut(): void {
    const wasSignedIn = this.accessToken !== null || this.hasStoredSession;
    this.generation++;
    this.accessToken = null;
    this.expiresAt = 0;
    this.cancelTimer();
    this.storage.removeItem(REFRESH_TOKEN_KEY);
    if (wasSignedIn) {
      for (const listener of [...this.signedOutListeners]) listener();
    }
  }

  onSignedOut(listener: () => void): () => void {
    this.signedOutListeners.add(listener);
    return () => this.signedOutListeners.delete(listener);
  }

  /** Another tab signed out (its storage change removed the refresh token): follow it. */
  handleStorageEvent(key: string | null, newValue: string | null): void {
    if ((key === REFRESH_TOKEN_KEY || key === null) && newValue === null && this.accessToken !== null) {
      this.signOut();
    }
  }

  private async refreshOnce(): Promise<string> {
    const refreshToken = this.storage.getItem(REFRESH_TOKEN_KEY);
    if (refreshToken === null) {
      this.signOut();
      throw signedOutError();
    }
    const generation = this.generation;
    let tokens: AuthTokens;
    try {
      tokens = await this.issuer.refresh(refreshToken);
    } catch (error) {
      if (generation !== this.generation) throw signedOutError();
      if (error instanceof CognitoError && error.isRejection) {
        this.signOut();
      } else {
        this.schedule(RETRY_AFTER_FAILURE_MS);
      }
      throw error;
    }
    if (generation !== this.generation) throw signedOutError();
    this.accept(tokens);
    return tokens.accessToken;
  }

  private accept(tokens: AuthTokens): void {
    this.accessToken = tokens.accessToken;
    this.expiresAt = this.clock.now() + tokens.expiresIn * 1000;
    if (tokens.refreshToken !== undefined) {
      this.storage.setItem(REFRESH_TOKEN_KEY, tokens.refreshToken);
    }
    this.schedule(Math.max(1000, tokens.expiresIn * 1000 - REFRESH_MARGIN_MS));
  }

  private schedule(delayMs: number): void {
    this.cancelTimer();
    this.refreshTimer = this.clock.setTimeout(() => {
      this.refreshTimer = null;
      // Failures are handled inside refreshOnce (sign-out or retry); nothing waits on this promise.
      this.refreshNow().catch(() => undefined);
    }, delayMs);
  }

  private cancelTimer(): void {
    if (this.refreshTimer !== null) {
      this.clock.clearTimeout(this.refreshTimer);
      this.refreshTimer = null;
    }
  }
}

function signedOutError(): CognitoError {
  return new CognitoError('NotAuthorizedException', 'The session is signed out.', 'Please sign in.');
}
