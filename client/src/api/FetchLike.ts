/** The slice of `fetch` this app uses; tests pass a fake with the same shape. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;
