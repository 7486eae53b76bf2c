import type { FetchLike } from './FetchLike';
import { ProblemError } from './ProblemError';

/** Where API calls get their bearer token; TokenSession is the real one. */
export interface AccessTokenSource {
  getAccessToken(): Promise<string>;
  /** Called after a 401: get a new token even if the current one looks valid. */
  refreshNow(): Promise<string>;
}

/**
 * Sends API requests with `Authorization: Bearer`, retrying once with a fresh token after a 401;
 * failures come back as ProblemError, whatever went wrong.
 */
export class AuthorizedFetch {
  constructor(
    private readonly baseUrl: string,
    private readonly tokens: AccessTokenSource,
    private readonly fetchFn: FetchLike,
  ) {}

  /** The response of a successful (2xx) request; anything else throws ProblemError. */
  async send(path: string, init: RequestInit = {}): Promise<Response> {
    let response = await this.attempt(path, init, await this.token(() => this.tokens.getAccessToken()));
    if (response.status === 401) {
      response = await this.attempt(path, init, await this.token(() => this.tokens.refreshNow()));
    }
    if (!response.ok) {
      throw await ProblemError.fromResponse(response);
    }
    return response;
  }

  private async token(get: () => Promise<string>): Promise<string> {
    try {
      return await get();
    } catch (error) {
      if (error instanceof ProblemError) throw error;
      throw new ProblemError(401, 'about:blank', 'You are not signed in', error instanceof Error ? error.message : undefined);
    }
  }

  private async attempt(path: string, init: RequestInit, accessToken: string): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('Authorization', `Bearer ${accessToken}`);
    if (!headers.has('Accept')) headers.set('Accept', 'application/json, application/problem+json');
    try {
      return await this.fetchFn(this.baseUrl + path, { ...init, headers });
    } catch (error) {
      throw ProblemError.network(error);
    }
  }
}
