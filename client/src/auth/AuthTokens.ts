/** Tokens from a successful InitiateAuth; REFRESH_TOKEN_AUTH answers without a new refresh token. */
export interface AuthTokens {
  readonly accessToken: string;
  readonly idToken: string | undefined;
  readonly refreshToken: string | undefined;
  /** Lifetime of the access token in seconds. */
  readonly expiresIn: number;
  readonly tokenType: string;
}
