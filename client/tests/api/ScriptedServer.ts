/** One request as the client sent it. */
export interface RecordedRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: string | null;
}

/**
 * An HTTP server at the fetch boundary that answers each request with the next scripted response and records what
 * was sent; a request beyond the script fails the test.
 */
export function scriptedServer(responses: Array<() => Response>): {
  fetchFn: (input: string, init?: RequestInit) => Promise<Response>;
  calls: RecordedRequest[];
} {
  const calls: RecordedRequest[] = [];
  const fetchFn = (input: string, init?: RequestInit): Promise<Response> => {
    calls.push({ url: input, method: init?.method ?? 'GET', headers: new Headers(init?.headers), body: typeof init?.body === 'string' ? init.body : null });
    const next = responses.shift();
    if (next === undefined) return Promise.reject(new Error(`unexpected request ${init?.method ?? 'GET'} ${input}`));
    return Promise.resolve(next());
  };
  return { fetchFn, calls };
}

/** A JSON answer; error statuses are problem details (RFC 9457), as the API sends them. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type, ...headers } });
}
