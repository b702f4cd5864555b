import { CkanError } from '../../ckan/ckan-action';
import { isResourceId } from '../schema/identifiers';

/**
 * Reading CKAN action parameters, which arrive as JSON (POST) or as query strings (GET, where every value
 * is a string and structured values are JSON text). Errors use CKAN's Validation Error wording.
 */
export type Params = Readonly<Record<string, unknown>>;

export function invalid(field: string, message: string): CkanError {
  return CkanError.invalid({ [field]: [message] });
}

/** The resource id (`resource_id`, or its alias `id`), which must name a plain id. */
export function resourceIdParam(params: Params): string {
  const value = params.resource_id ?? params.id;
  if (value === undefined || value === '') throw invalid('resource_id', 'Missing value');
  if (!isResourceId(value)) throw invalid('resource_id', 'Not a valid resource id');
  return value;
}

export function stringParam(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalid(name, 'Must be a string');
  return value;
}

export function intParam(params: Params, name: string, fallback: number): number {
  const value = params[name];
  if (value === undefined || value === null || value === '') return fallback;
  const number = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number)) throw invalid(name, 'Invalid integer');
  if (number < 0) throw invalid(name, 'Must be a natural number');
  return number;
}

export function boolParam(params: Params, name: string, fallback: boolean): boolean {
  const value = params[name];
  if (value === undefined || value === null || value === '') return fallback;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|1|yes|on)$/i.test(value)) return true;
  if (typeof value === 'string' && /^(false|0|no|off)$/i.test(value)) return false;
  throw invalid(name, 'Must be a boolean');
}

/** A JSON value, given as such (POST) or as JSON text (GET: `filters={"a":1}`). */
export function jsonParam(params: Params, name: string): unknown {
  const value = params[name];
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return value;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    throw invalid(name, 'Could not parse as valid JSON');
  }
}

export function objectParam(params: Params, name: string): Record<string, unknown> | undefined {
  const value = jsonParam(params, name);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw invalid(name, 'Not a JSON Object');
  return value as Record<string, unknown>;
}

/** A list given as a JSON array, a repeated GET key, or one comma-separated string (`"a, b"`). */
export function listParam(params: Params, name: string): string[] | undefined {
  const value = jsonParam(params, name);
  if (value === undefined || value === null || value === '') return undefined;
  const items = Array.isArray(value) ? value : String(value).split(',');
  return items
    .map((item) => {
      if (typeof item !== 'string') throw invalid(name, 'Must be a list of strings');
      return item.trim();
    })
    .filter((item) => item.length > 0);
}

export function recordsParam(params: Params, name = 'records'): Record<string, unknown>[] | undefined {
  const value = jsonParam(params, name);
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw invalid(name, 'Must be a list of dictionaries');
  for (const record of value) {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      throw invalid(
        name,
        'The data was invalid (for example: a numeric value is out of range or was inserted into a text field).',
      );
    }
  }
  return value as Record<string, unknown>[];
}
