import type { FetchLike } from '../api/FetchLike';
import { jsonObjectBody, jsonObjectOrNull, nonEmptyStringField, parseJsonOrUndefined, type JsonObject } from '../json/JsonObject';
import { errorText } from '../ui/ErrorText';
import type { AuthTokens } from './AuthTokens';
import { CognitoError } from './CognitoError';

const INITIATE_AUTH = 'AWSCognitoIdentityProviderService.InitiateAuth';

/** Talks to Cognito's user-pool API directly (InitiateAuth over JSON 1.1), as the AWS SDK would. */
export class CognitoClient {
  constructor(
    private readonly endpoint: string,
    private readonly clientId: string,
    private readonly fetchFn: FetchLike,
    private readonly now: () => number = () => Date.now(),
  ) {}

  signIn(username: string, password: string): Promise<AuthTokens> {
    return this.initiateAuth('USER_PASSWORD_AUTH', { USERNAME: username, PASSWORD: password });
  }

  refresh(refreshToken: string): Promise<AuthTokens> {
    return this.initiateAuth('REFRESH_TOKEN_AUTH', { REFRESH_TOKEN: refreshToken });
  }

  private async initiateAuth(authFlow: string, authParameters: Record<string, string>): Promise<AuthTokens> {
    let response: Response;
    try {
      response = await this.fetchFn(this.endpoint, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-amz-json-1.1',
          'X-Amz-Target': INITIATE_AUTH,
        },
        body: JSON.stringify({ AuthFlow: authFlow, ClientId: this.clientId, AuthParameters: authParameters }),
      });
    } catch (error) {
      throw new CognitoError('NetworkError', errorText(error), 'Cannot reach the sign-in service. Check your connection and try again.');
    }

    const body = await jsonObjectBody(response);
    if (!response.ok) {
      throw errorFrom(response, body, authFlow === 'REFRESH_TOKEN_AUTH');
    }
    return tokensFrom(body, this.now());
  }
}

function errorFrom(response: Response, body: JsonObject, isRefresh: boolean): CognitoError {
  // JSON 1.1 errors name their type in __type (sometimes namespaced "ns#Code") or in x-amzn-ErrorType.
  const rawType = nonEmptyStringField(body, '__type') ?? response.headers.get('x-amzn-ErrorType') ?? `HTTP${response.status}`;
  const code = rawType.split('#').pop()?.split(':')[0] ?? rawType;
  const message = nonEmptyStringField(body, 'message') ?? nonEmptyStringField(body, 'Message') ?? `Cognito answered HTTP ${response.status}.`;
  return new CognitoError(code, message, userMessageFor(code, message, isRefresh));
}

function userMessageFor(code: string, message: string, isRefresh: boolean): string {
  switch (code) {
    case 'NotAuthorizedException':
    case 'UserNotFoundException':
      return isRefresh ? 'Your session has ended. Please sign in again.' : 'Incorrect e-mail or password.';
    // Real Cognito says NotAuthorizedException for a wrong password; cognito-local says this instead.
    case 'InvalidPasswordException':
      return isRefresh ? 'Your session has ended. Please sign in again.' : 'Incorrect e-mail or password.';
    case 'UserNotConfirmedException':
      return 'This account has not been confirmed yet.';
    case 'PasswordResetRequiredException':
      return 'A password reset is required for this account.';
    case 'TooManyRequestsException':
    case 'LimitExceededException':
    case 'TooManyFailedAttemptsException':
      return 'Too many attempts. Wait a moment and try again.';
    case 'InvalidParameterException':
      return `The sign-in request was refused: ${message}`;
    default:
      return `Sign-in failed: ${message}`;
  }
}

function tokensFrom(body: JsonObject, nowMs: number): AuthTokens {
  const fields = jsonObjectOrNull(body['AuthenticationResult']);
  if (fields === null) {
    const challenge = nonEmptyStringField(body, 'ChallengeName');
    throw challenge
      ? new CognitoError('UnsupportedChallenge', `Cognito asked for the ${challenge} challenge.`,
        `This account needs an extra sign-in step (${challenge}) that this app does not support.`)
      : new CognitoError('InvalidResponse', 'Cognito answered without AuthenticationResult.', 'Sign-in failed: unexpected answer from the sign-in service.');
  }
  const accessToken = nonEmptyStringField(fields, 'AccessToken');
  // Cognito always sends ExpiresIn; cognito-local leaves it out, and the token's own exp says the same.
  const expiresIn = typeof fields['ExpiresIn'] === 'number' ? fields['ExpiresIn'] : accessToken ? secondsUntilExpiry(accessToken, nowMs) : undefined;
  if (!accessToken || expiresIn === undefined) {
    throw new CognitoError('InvalidResponse', 'AuthenticationResult lacks AccessToken or ExpiresIn.', 'Sign-in failed: unexpected answer from the sign-in service.');
  }
  return {
    accessToken,
    idToken: nonEmptyStringField(fields, 'IdToken'),
    refreshToken: nonEmptyStringField(fields, 'RefreshToken'),
    expiresIn,
    tokenType: nonEmptyStringField(fields, 'TokenType') ?? 'Bearer',
  };
}

/** Seconds until the JWT's `exp` claim, read without verifying (only to schedule the refresh); undefined if unreadable. */
function secondsUntilExpiry(jwt: string, nowMs: number): number | undefined {
  const payload = jwt.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const base64 = payload.replaceAll('-', '+').replaceAll('_', '/');
    const claims = jsonObjectOrNull(parseJsonOrUndefined(atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='))));
    const exp = claims?.['exp'];
    return typeof exp === 'number' && Number.isFinite(exp) ? Math.max(0, Math.floor(exp - nowMs / 1000)) : undefined;
  } catch {
    return undefined;
  }
}
