import { jsonObjectBody, nonEmptyStringField } from '../json/JsonObject';
import type { AuthorizedFetch } from './AuthorizedFetch';

/** One-time tickets for opening the WebSocket (browsers cannot send an Authorization header on it). */
export class RealtimeTicketApi {
  constructor(private readonly http: AuthorizedFetch) {}

  async requestTicket(): Promise<string> {
    const response = await this.http.send('/api/realtime/ticket', { method: 'POST' });
    const ticket = nonEmptyStringField(await jsonObjectBody(response), 'ticket');
    if (ticket === undefined) throw new Error('The server answered the ticket request without a ticket.');
    return ticket;
  }

  /** Voids every ticket of this user that has not been used yet; called on sign-out, before the tokens are dropped. */
  async revokeAll(): Promise<void> {
    await this.http.send('/api/realtime/tickets', { method: 'DELETE' });
  }
}
