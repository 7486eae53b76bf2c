import type { AuthorizedFetch } from './AuthorizedFetch';
import { jsonObjectBody, stringField } from '../json/JsonObject';
import { ProblemError } from './ProblemError';

/** The user's Google Calendar connection as `GET /api/google` reports it. */
export interface GoogleSyncStatus {
  readonly kind: 'status';
  readonly connected: boolean;
  readonly lastSyncAt: string | null;
  readonly lastSyncError: string | null;
}

/** The server has no Google sync set up; `message` says what the operator has to configure. */
export interface GoogleSyncUnavailable {
  readonly kind: 'unavailable';
  readonly message: string;
}

/** Connect, sync now, disconnect and status of Google Calendar sync (the google-sync function's routes). */
export class GoogleSyncApi {
  constructor(private readonly http: AuthorizedFetch) {}

  async status(): Promise<GoogleSyncStatus | GoogleSyncUnavailable> {
    try {
      const body = await jsonObjectBody(await this.http.send('/api/google'));
      return {
        kind: 'status',
        connected: body['connected'] === true,
        lastSyncAt: stringField(body, 'lastSyncAt') ?? null,
        lastSyncError: stringField(body, 'lastSyncError') ?? null,
      };
    } catch (error) {
      if (error instanceof ProblemError && error.status === 503) {
        return { kind: 'unavailable', message: error.detail ?? error.title };
      }
      throw error;
    }
  }

  /** Google's consent page for this user; the app navigates there, and Google comes back to /?google=… */
  async authorizationUrl(): Promise<string> {
    const url = stringField(await jsonObjectBody(await this.http.send('/api/google/connect')), 'authorizationUrl');
    if (url === undefined || (!url.startsWith('https://') && !url.startsWith('http://'))) {
      throw new Error('The server answered without a Google authorization URL.');
    }
    return url;
  }

  async syncNow(): Promise<void> {
    await this.http.send('/api/google/sync', { method: 'POST' });
  }

  async disconnect(): Promise<void> {
    await this.http.send('/api/google', { method: 'DELETE' });
  }
}

/** What a return from Google's consent page (`?google=…`) means for the user, or null for no such flag. */
export function googleReturnMessage(search: string): string | null {
  switch (new URLSearchParams(search).get('google')) {
    case 'connected': return 'Google Calendar connected.';
    case 'declined': return 'Google Calendar was not connected: access was declined.';
    case 'expired': return 'Connecting Google Calendar took too long or was already finished; please try again.';
    case 'failed': return 'Google did not accept the connection; please try again.';
    default: return null;
  }
}
