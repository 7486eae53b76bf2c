/** One invalid field named by the server in a problem's `errors` list. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** An HTTP API failure as an RFC 9457 problem (application/problem+json), or the closest equivalent. */
export class ProblemError extends Error {
  override readonly name = 'ProblemError';

  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: readonly FieldProblem[] = [],
    /** From a `Retry-After` header (429, 503): seconds from when the answer arrived until a retry may work. */
    readonly retryAfterSeconds: number | undefined = undefined,
  ) {
    super(detail ? `${title}: ${detail}` : title);
  }

  /** Builds the error from a failed response, whatever its body holds; `now` dates a `Retry-After` given as an HTTP date. */
  static async fromResponse(response: Response, now: Date = new Date()): Promise<ProblemError> {
    let body: unknown = undefined;
    const text = await response.text().catch(() => '');
    if (text.length > 0) {
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
    }
    return ProblemError.fromBody(response.status, body, retryAfterSeconds(response.headers.get('Retry-After'), now));
  }

  /** Reads what it can from a problem body; anything missing or malformed falls back to the status. */
  static fromBody(status: number, body: unknown, retryAfterSeconds?: number): ProblemError {
    const problem = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
    const bodyStatus = problem['status'];
    const effectiveStatus = typeof bodyStatus === 'number' && Number.isInteger(bodyStatus) ? bodyStatus : status;
    return new ProblemError(
      effectiveStatus,
      textOf(problem['type']) ?? 'about:blank',
      textOf(problem['title']) ?? defaultTitle(effectiveStatus),
      textOf(problem['detail']),
      fieldProblems(problem['errors']),
      retryAfterSeconds,
    );
  }

  /** For requests that never got an answer. */
  static network(cause: unknown): ProblemError {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return new ProblemError(0, 'about:blank', 'Cannot reach the server', `Check your connection and try again. (${reason})`);
  }
}

/** RFC 9110 Retry-After: delay-seconds or an HTTP date; anything else is ignored. */
export function retryAfterSeconds(header: string | null, now: Date): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number.parseInt(value, 10);
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

function fieldProblems(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  const problems: FieldProblem[] = [];
  for (const item of value) {
    if (typeof item !== 'object' || item === null) continue;
    const record = item as Record<string, unknown>;
    const message = textOf(record['message']);
    if (message === undefined) continue;
    problems.push({ field: textOf(record['field']) ?? '', message });
  }
  return problems;
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function defaultTitle(status: number): string {
  switch (status) {
    case 400: return 'The request was not valid';
    case 401: return 'You are not signed in';
    case 403: return 'Not allowed';
    case 404: return 'Not found';
    case 409: return 'Conflict';
    case 412: return 'This event was changed elsewhere';
    case 429: return 'Too many requests';
    default: return status >= 500 ? 'The server had a problem' : `Request failed (HTTP ${status})`;
  }
}
