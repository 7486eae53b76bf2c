import type { AccessTokenSource } from '../../src/api/AuthorizedFetch';

/** An access-token source that is always signed in: "token-1", and "token-2" after a refresh. */
export const fixedTokens: AccessTokenSource = {
  getAccessToken: () => Promise.resolve('token-1'),
  refreshNow: () => Promise.resolve('token-2'),
};
