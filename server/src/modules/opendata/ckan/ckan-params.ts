import { CkanError } from './ckan-action';

/**
 * Reading CKAN action parameters the way CKAN's validators do: GET values arrive as strings (or lists
 * of strings for repeated keys), JSON bodies as any JSON, so every reader accepts both.
 */

export class ValidationErrors {
  readonly #fields: Record<string, string[]> = {};

  add(field: string, message: string): void {
    (this.#fields[field] ??= []).push(message);
  }

  get empty(): boolean {
    return Object.keys(this.#fields).length === 0;
  }

  throwIfAny(): void {
    if (!this.empty) throw CkanError.invalid(this.#fields);
  }
}

/** A text parameter: strings as given, numbers and booleans as text (CKAN's unicode_safe). */
export function readText(
  params: Record<string, unknown>,
  key: string,
  errors: ValidationErrors,
): string | null | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  errors.add(key, 'Must be a string');
  return undefined;
}

/** CKAN's boolean_validator: true for true/"true"/"True"/"1"/1/"yes"/"on", false otherwise. */
export function readBoolean(value: unknown, fallback: boolean): boolean {
  if (value === undefined || value === null || value === '') return fallback;
  return [true, 1, 'true', 'True', 'TRUE', '1', 'yes', 'on'].includes(value as string);
}

/** A whole number ≥ 0 (CKAN's natural_number_validator), else a Validation Error on `key`. */
export function readNatural(params: Record<string, unknown>, key: string, fallback: number): number {
  const value = readInteger(params, key, fallback);
  if (value < 0) throw CkanError.invalid({ [key]: ['Must be a natural number'] });
  return value;
}

export function readInteger(params: Record<string, unknown>, key: string, fallback: number): number {
  const value = params[key];
  if (value === undefined || value === null || value === '') return fallback;
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
  if (!Number.isSafeInteger(number)) throw CkanError.invalid({ [key]: ['Invalid integer'] });
  return number;
}

/** A list given as a list, a JSON string (GET: `facet.field=["tags"]`) or a single string. */
export function readStringList(params: Record<string, unknown>, key: string): string[] | undefined {
  let value = params[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && value.trim().startsWith('[')) {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      throw CkanError.invalid({ [key]: ['Could not parse as valid JSON'] });
    }
  }
  const list = Array.isArray(value) ? (value as unknown[]) : [value];
  if (!list.every((item) => typeof item === 'string'))
    throw CkanError.invalid({ [key]: ['Must be a list of strings'] });
  return list as string[];
}

/** The `id` parameter most show/delete actions require. */
export function requireId(params: Record<string, unknown>, key = 'id'): string {
  const value = params[key];
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number') return String(value);
  throw CkanError.invalid({ [key]: ['Missing value'] });
}

/** A JSON value that may arrive as a JSON string (form posts, GET). */
export function readJsonish(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  if (!trimmed.startsWith('[') && !trimmed.startsWith('{')) return value;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return value;
  }
}
