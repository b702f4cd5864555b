import { ApiError } from './api';

/** Server validation messages keyed by body field, to show next to the inputs. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  return error instanceof ApiError ? error.fieldMessages() : {};
}

/** A trimmed text input as the API wants it: null when blank (for optional, nullable fields). */
export function textOrNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** Required fields left blank, as `{ field: message }`. */
export function requiredErrors<K extends string>(
  values: Readonly<Record<K, string>>,
  required: readonly K[],
  message: string,
): Partial<Record<K, string>> {
  const errors: Partial<Record<K, string>> = {};
  for (const key of required) if (!values[key].trim()) errors[key] = message;
  return errors;
}
