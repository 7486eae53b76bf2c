/** A JSON object as parsed, before its fields are checked. */
export type JsonObject = Record<string, unknown>;

/** The value as a JSON object, or null when it is anything else (arrays included). */
export function jsonObjectOrNull(value: unknown): JsonObject | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : null;
}

/** The field when it is a string, else undefined. */
export function stringField(object: JsonObject, name: string): string | undefined {
  const value = object[name];
  return typeof value === 'string' ? value : undefined;
}

/** The field when it is a string with at least one character, else undefined. */
export function nonEmptyStringField(object: JsonObject, name: string): string | undefined {
  const value = object[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** The field when it is a finite number, else undefined. */
export function numberField(object: JsonObject, name: string): number | undefined {
  const value = object[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Parses JSON text; undefined for empty or malformed text instead of an exception. */
export function parseJsonOrUndefined(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A response's body read as a JSON object; an empty, malformed or non-object body is an empty object. */
export async function jsonObjectBody(response: Response): Promise<JsonObject> {
  const text = await response.text().catch(() => '');
  return jsonObjectOrNull(parseJsonOrUndefined(text)) ?? {};
}
