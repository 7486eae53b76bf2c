import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../src/api/ProblemError';

function response(status: number, body: string, contentType = 'application/problem+json'): Response {
  return new Response(body, { status, headers: { 'Content-Type': contentType } });
}

describe('ProblemError', () => {
  it('reads every member of a validation problem', async () => {
    const problem = await ProblemError.fromResponse(response(400, JSON.stringify({
      type: 'https://calendar.example/problems/validation',
      title: 'The event is not valid',
      status: 400,
      detail: 'Fix the fields listed in errors.',
      errors: [{ field: 'title', message: 'Title is required.' }, { field: 'end', message: 'End must be after start.' }],
    })));
    expect(problem).toBeInstanceOf(Error);
    expect(problem.status).toBe(400);
    expect(problem.type).toBe('https://calendar.example/problems/validation');
    expect(problem.title).toBe('The event is not valid');
    expect(problem.detail).toBe('Fix the fields listed in errors.');
    expect(problem.errors).toEqual([
      { field: 'title', message: 'Title is required.' },
      { field: 'end', message: 'End must be after start.' },
    ]);
    expect(problem.message).toBe('The event is not valid: Fix the fields listed in errors.');
  });

  it('keeps the HTTP status for a 412 whose body omits it', async () => {
    const problem = await ProblemError.fromResponse(response(412, JSON.stringify({ type: 'urn:stale', title: 'Version mismatch' })));
    expect(problem.status).toBe(412);
    expect(problem.title).toBe('Version mismatch');
    expect(problem.detail).toBeUndefined();
    expect(problem.errors).toEqual([]);
  });

  it('falls back to a title from the status when the body is not JSON', async () => {
    const problem = await ProblemError.fromResponse(response(502, '<html>Bad gateway</html>', 'text/html'));
    expect(problem.status).toBe(502);
    expect(problem.type).toBe('about:blank');
    expect(problem.title).toBe('The server had a problem');
  });

  it('handles an empty body', async () => {
    const problem = await ProblemError.fromResponse(new Response(null, { status: 404 }));
    expect(problem.status).toBe(404);
    expect(problem.title).toBe('Not found');
  });

  it('skips malformed field errors and keeps usable ones', () => {
    const problem = ProblemError.fromBody(400, {
      title: 'Invalid',
      errors: [null, 'text', { field: 'start' }, { message: 'General problem.' }, { field: 'start', message: 'Start is required.' }],
    });
    expect(problem.errors).toEqual([
      { field: '', message: 'General problem.' },
      { field: 'start', message: 'Start is required.' },
    ]);
  });

  it('ignores members of the wrong type', () => {
    const problem = ProblemError.fromBody(409, { type: 7, title: ['x'], status: 'oops', detail: {}, errors: 'none' });
    expect(problem.status).toBe(409);
    expect(problem.type).toBe('about:blank');
    expect(problem.title).toBe('Conflict');
    expect(problem.detail).toBeUndefined();
    expect(problem.errors).toEqual([]);
  });

  it('describes a request that never got an answer with status 0', () => {
    const problem = ProblemError.network(new TypeError('Failed to fetch'));
    expect(problem.status).toBe(0);
    expect(problem.detail).toContain('Failed to fetch');
  });

  it('reads Retry-After given in seconds', async () => {
    const answer = new Response(JSON.stringify({ title: 'Slow down', status: 429 }), { status: 429, headers: { 'Retry-After': '42' } });
    expect((await ProblemError.fromResponse(answer)).retryAfterSeconds).toBe(42);
  });

  it('reads Retry-After given as an HTTP date, counting from now', async () => {
    const answer = new Response(null, { status: 429, headers: { 'Retry-After': 'Fri, 27 Nov 2026 00:00:00 GMT' } });
    const problem = await ProblemError.fromResponse(answer, new Date('2026-11-26T23:58:30Z'));
    expect(problem.retryAfterSeconds).toBe(90);
  });

  it('does not ask to wait for a Retry-After date already past', async () => {
    const answer = new Response(null, { status: 503, headers: { 'Retry-After': 'Fri, 27 Nov 2026 00:00:00 GMT' } });
    expect((await ProblemError.fromResponse(answer, new Date('2026-11-27T00:05:00Z'))).retryAfterSeconds).toBe(0);
  });

  it('ignores a missing or unreadable Retry-After', async () => {
    expect((await ProblemError.fromResponse(new Response(null, { status: 429 }))).retryAfterSeconds).toBeUndefined();
    const garbled = new Response(null, { status: 429, headers: { 'Retry-After': 'soon' } });
    expect((await ProblemError.fromResponse(garbled)).retryAfterSeconds).toBeUndefined();
  });
});
