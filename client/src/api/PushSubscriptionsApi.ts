import type { AuthorizedFetch } from './AuthorizedFetch';
import { jsonRequest } from './JsonRequest';

/**
 * The signed-in user's Web Push subscriptions: `POST /api/push/subscriptions` with the browser's
 * `PushSubscription.toJSON()`, `DELETE /api/push/subscriptions` with `{ endpoint }`. Failures throw ProblemError
 * (400 naming a field, 409 past the per-user cap, 503 when the deployment has no Web Push).
 */
export class PushSubscriptionsApi {
  constructor(
    private readonly http: AuthorizedFetch,
    /** config.json's `vapidPublicKey`: the key browsers subscribe with; null when the deployment has no Web Push. */
    readonly vapidPublicKey: string | null,
  ) {}

  async save(subscription: PushSubscriptionJSON): Promise<void> {
    await this.http.send('/api/push/subscriptions', jsonRequest('POST', subscription));
  }

  async remove(endpoint: string): Promise<void> {
    await this.http.send('/api/push/subscriptions', jsonRequest('DELETE', { endpoint }));
  }
}
