import {
  datasetStates,
  frequencies,
  type DatasetFields,
  type DatasetState,
  type Extra,
  type Frequency,
} from '../catalog/catalog.model';
import { readBoolean, readJsonish, readText, type ValidationErrors } from './ckan-params';

/** CKAN's name rule: 2–100 of lower-case ASCII letters, digits, `-` and `_`. */
export const NAME_PATTERN = /^[a-z0-9_-]+$/;
// CKAN's tag_name_validator: letters (any script), digits, spaces and -_.
const TAG_PATTERN = /^[\p{L}\p{N}\p{M} ._-]+$/u;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

type TextField =
  | 'title'
  | 'titleEn'
  | 'notes'
  | 'notesEn'
  | 'author'
  | 'authorEmail'
  | 'maintainer'
  | 'maintainerEmail'
  | 'url'
  | 'version'
  | 'spatialCoverage';

const textKeys: readonly [string, TextField][] = [
  ['title', 'title'],
  ['title_en', 'titleEn'],
  ['notes', 'notes'],
  ['notes_en', 'notesEn'],
  ['author', 'author'],
  ['author_email', 'authorEmail'],
  ['maintainer', 'maintainer'],
  ['maintainer_email', 'maintainerEmail'],
  ['url', 'url'],
  ['version', 'version'],
  ['spatial_coverage', 'spatialCoverage'],
];

// isSample is set by the demo loader only; the CKAN parser never reads it from a caller.
export type DatasetInputFields = {
  -readonly [K in keyof Omit<DatasetFields, 'ownerOrg' | 'groupIds'>]?: DatasetFields[K];
};

/** What a package_create/update/patch call asked for: only the keys it sent. */
export interface PackageInput {
  readonly fields: DatasetInputFields;
  /** Organisation id or name, resolved by the service. */
  readonly ownerOrg?: string;
  /** Group ids or names. */
  readonly groups?: readonly string[];
  readonly resources?: readonly Record<string, unknown>[];
}

export function validateName(value: string, errors: ValidationErrors, key = 'name'): void {
  if (value.length < 2) errors.add(key, `Name must be at least 2 characters long`);
  else if (value.length > 100) errors.add(key, `Name must be a maximum of 100 characters long`);
  else if (!NAME_PATTERN.test(value))
    errors.add(key, 'Must be purely lowercase alphanumeric (ascii) characters and these symbols: -_');
}

function parseTags(params: Record<string, unknown>, errors: ValidationErrors): string[] | undefined {
  const raw = readJsonish(params.tags);
  let names: unknown[] | undefined;
  if (Array.isArray(raw))
    names = raw.map((tag: unknown) =>
      typeof tag === 'object' && tag !== null ? (tag as { name?: unknown }).name : tag,
    );
  else if (typeof params.tag_string === 'string')
    names = params.tag_string
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean);
  else if (raw !== undefined && raw !== null) errors.add('tags', 'Must be a list of tags');
  if (names === undefined) return raw === null ? [] : undefined;
  const valid: string[] = [];
  for (const name of names) {
    if (typeof name !== 'string' || name.trim() === '') errors.add('tags', 'Missing value');
    else if (name.length < 2) errors.add('tags', `Tag "${name}" length is less than minimum 2`);
    else if (name.length > 100) errors.add('tags', `Tag "${name}" length is more than maximum 100`);
    else if (!TAG_PATTERN.test(name))
      errors.add('tags', `Tag "${name}" must be alphanumeric characters or symbols: -_.`);
    else valid.push(name);
  }
  return valid;
}

function parseRefs(value: unknown, key: string, errors: ValidationErrors): string[] | undefined {
  const raw = readJsonish(value);
  if (raw === undefined) return undefined;
  if (raw === null) return [];
  if (!Array.isArray(raw)) {
    errors.add(key, 'Must be a list');
    return undefined;
  }
  return raw.map((item: unknown) => {
    if (typeof item === 'string') return item;
    const ref = item as { id?: unknown; name?: unknown } | null;
    return String(ref?.id ?? ref?.name ?? '');
  });
}

function parseExtras(value: unknown, errors: ValidationErrors): Extra[] | undefined {
  const raw = readJsonish(value);
  if (raw === undefined) return undefined;
  if (raw === null) return [];
  if (!Array.isArray(raw)) {
    errors.add('extras', 'Must be a list');
    return undefined;
  }
  const extras: Extra[] = [];
  for (const item of raw as { key?: unknown; value?: unknown }[]) {
    if (typeof item?.key !== 'string' || item.key === '') errors.add('extras', 'Missing value');
    else if (extras.some((extra) => extra.key === item.key))
      errors.add('extras', `Duplicate key "${item.key}"`);
    else
      extras.push({
        key: item.key,
        value: typeof item.value === 'string' ? item.value : JSON.stringify(item.value ?? ''),
      });
  }
  return extras;
}

function parseChoice<T extends string>(
  params: Record<string, unknown>,
  key: string,
  choices: readonly T[],
  errors: ValidationErrors,
): T | null | undefined {
  const value = readText(params, key, errors);
  if (value === undefined || value === null || value === '') return value === '' ? null : value;
  if ((choices as readonly string[]).includes(value)) return value as T;
  errors.add(key, `Value must be one of: ${choices.join('; ')}`);
  return undefined;
}

function parseDate(
  params: Record<string, unknown>,
  key: string,
  errors: ValidationErrors,
): string | null | undefined {
  const value = readText(params, key, errors);
  if (value === undefined || value === null || value === '') return value === '' ? null : value;
  // Round-trip through Date: V8 accepts 2024-02-30 and rolls it over to March.
  const parsed = new Date(`${value}T00:00:00Z`);
  if (DATE_PATTERN.test(value) && !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value))
    return value;
  errors.add(key, 'Date format incorrect');
  return undefined;
}

function setIfDefined<K extends keyof DatasetInputFields>(
  fields: DatasetInputFields,
  key: K,
  value: DatasetInputFields[K] | undefined,
): void {
  if (value !== undefined) fields[key] = value;
}

/** Reads a CKAN package dict; `name` format, tags, dates and choices are checked here. */
export function parsePackage(
  params: Record<string, unknown>,
  licenseIds: readonly string[],
  errors: ValidationErrors,
): PackageInput {
  const fields: DatasetInputFields = {};
  const name = readText(params, 'name', errors);
  if (typeof name === 'string') {
    validateName(name, errors);
    fields.name = name;
  }
  for (const [key, field] of textKeys) {
    const value = readText(params, key, errors);
    if (value === undefined) continue;
    if (field === 'title') fields.title = value ?? '';
    else fields[field] = value === '' ? null : value;
  }
  setIfDefined(fields, 'licenseId', parseChoice(params, 'license_id', licenseIds, errors));
  if (params.private !== undefined) fields.private = readBoolean(params.private, false);
  const state = parseChoice(params, 'state', datasetStates, errors);
  if (state) fields.state = state as DatasetState;
  setIfDefined(fields, 'frequency', parseChoice<Frequency>(params, 'frequency', frequencies, errors));
  setIfDefined(fields, 'temporalStart', parseDate(params, 'temporal_start', errors));
  setIfDefined(fields, 'temporalEnd', parseDate(params, 'temporal_end', errors));
  setIfDefined(fields, 'tags', parseTags(params, errors));
  setIfDefined(fields, 'extras', parseExtras(params.extras, errors));
  const ownerOrg = readText(params, 'owner_org', errors) ?? undefined;
  const groups = parseRefs(params.groups, 'groups', errors);
  const resources = readJsonish(params.resources);
  if (resources !== undefined && resources !== null && !Array.isArray(resources))
    errors.add('resources', 'Must be a list');
  return {
    fields,
    ...(ownerOrg !== undefined ? { ownerOrg } : {}),
    ...(groups !== undefined ? { groups } : {}),
    ...(Array.isArray(resources) ? { resources: resources as Record<string, unknown>[] } : {}),
  };
}
