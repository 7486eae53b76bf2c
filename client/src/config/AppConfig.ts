import type { FetchLike } from '../api/FetchLike';
import { jsonObjectOrNull, type JsonObject } from '../json/JsonObject';

/** What the server tells the app at start-up through GET /config.json. */
export interface AppConfig {
  /** Prefix for API paths; "" means same origin. */
  readonly apiBaseUrl: string;
  readonly webSocketUrl: string;
  readonly cognito: CognitoConfig;
  readonly chatEnabled: boolean;
  /** The Web Push application server key (VAPID public key, base64url); null when the deployment has no Web Push. */
  readonly vapidPublicKey: string | null;
}

export interface CognitoConfig {
  /** Cognito user-pool API endpoint, e.g. https://cognito-idp.us-east-1.amazonaws.com/ */
  readonly endpoint: string;
  readonly region: string;
  readonly userPoolId: string;
  readonly clientId: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export async function loadConfig(fetchFn: FetchLike, url = '/config.json'): Promise<AppConfig> {
  const response = await fetchFn(url, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!response.ok) {
    throw new ConfigError(`Could not load ${url} (HTTP ${response.status}).`);
  }
  return parseConfig(await response.json());
}

export function parseConfig(value: unknown): AppConfig {
  const root = asObject(value, 'config');
  const cognito = asObject(root['cognito'], 'cognito');
  return {
    apiBaseUrl: trimTrailingSlash(optionalString(root['apiBaseUrl'], 'apiBaseUrl') ?? ''),
    webSocketUrl: requiredString(root['webSocketUrl'], 'webSocketUrl'),
    cognito: {
      endpoint: requiredString(cognito['endpoint'], 'cognito.endpoint'),
      region: optionalString(cognito['region'], 'cognito.region') ?? '',
      userPoolId: optionalString(cognito['userPoolId'], 'cognito.userPoolId') ?? '',
      clientId: requiredString(cognito['clientId'], 'cognito.clientId'),
    },
    chatEnabled: root['chatEnabled'] === true,
    vapidPublicKey: optionalString(root['vapidPublicKey'], 'vapidPublicKey') || null,
  };
}

function asObject(value: unknown, name: string): JsonObject {
  const object = jsonObjectOrNull(value);
  if (object === null) throw new ConfigError(`config.json: ${name} must be an object.`);
  return object;
}

function requiredString(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new ConfigError(`config.json: ${name} must be a non-empty string.`);
  }
  return value;
}

function optionalString(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ConfigError(`config.json: ${name} must be a string.`);
  return value;
}

function trimTrailingSlash(url: string): string {
  return url.endsWith('/') ? url.slice(0, -1) : url;
}
