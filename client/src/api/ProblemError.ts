import { jsonObjectOrNull, nonEmptyStringField, parseJsonOrUndefined, type JsonObject } from '../json/JsonObject';

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
    const body = parseJsonOrUndefined(await response.text().catch(() => ''));
    return ProblemError.fromBody(response.status, body, retryAfterSeconds(response.headers.get('Retry-After'), now));
  }

  /** Reads what it can from a problem body; anything missing or malformed falls back to the status. */
  static fromBody(status: number, body: unknown, retryAfterSeconds?: number): ProblemError {
    const problem = jsonObjectOrNull(body) ?? {};
    const bodyStatus = problem['status'];
    const effectiveStatus = typeof bodyStatus === 'number' && Number.isInteger(bodyStatus) ? bodyStatus : status;
    return new ProblemError(
      effectiveStatus,
      nonEmptyStringField(problem, 'type') ?? 'about:blank',
      nonEmptyStringField(problem, 'title') ?? defaultTitle(effectiveStatus),
      nonEmptyStringField(problem, 'detail'),
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
    const record: JsonObject | null = jsonObjectOrNull(item);
    const message = record === null ? undefined : nonEmptyStringField(record, 'message');
    if (record === null || message === undefined) continue;
    problems.push({ field: nonEmptyStringField(record, 'field') ?? '', message });
  }
  return problems;
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
