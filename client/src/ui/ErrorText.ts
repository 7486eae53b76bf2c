import { ProblemError } from '../api/ProblemError';

/** "Title. Detail." with exactly one full stop (or other sentence end) after each part. */
export function sentence(title: string, detail?: string): string {
  const withStop = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);
  return detail === undefined || detail.length === 0 ? withStop(title) : `${withStop(title)} ${withStop(detail)}`;
}

/** How any failure reads to a person: a problem's title and detail, an exception's message, or the value itself. */
export function errorText(error: unknown): string {
  if (error instanceof ProblemError) return sentence(error.title, error.detail);
  return error instanceof Error ? error.message : String(error);
}
