import { AppError } from '../../../platform/http/app-error';
import { sensorsErrors } from '../sensors.errors';
import type { EntityDefinition } from './entities';
import { entities } from './entities';
import type { FilterNode } from './filter.ast';
import { parseFilter, parseOrderBy, type OrderItem } from './filter.parser';
import { defined } from '../defined';

export const DEFAULT_TOP = 100;
export const MAX_TOP = 10_000;

export interface ExpandItem {
  readonly relation: string;
  readonly options: QueryOptions;
  /** The options as sent (nested $expand included), for the expanded collection's nextLink. */
  readonly raw: ReadonlyMap<string, string>;
}

export interface QueryOptions {
  readonly filter: FilterNode | null;
  readonly orderBy: readonly OrderItem[];
  readonly top: number;
  readonly skip: number;
  readonly count: boolean;
  /** Property and navigation names to show; null shows every property and navigation link. */
  readonly select: readonly string[] | null;
  readonly expand: readonly ExpandItem[];
  readonly resultFormat: 'default' | 'dataArray';
}

const KNOWN = new Set([
  '$filter',
  '$orderby',
  '$top',
  '$skip',
  '$count',
  '$select',
  '$expand',
  '$resultFormat',
]);
const INSIDE_EXPAND = new Set(['$filter', '$orderby', '$top', '$skip', '$count', '$select', '$expand']);

export function optionError(problem: string): AppError {
  return new AppError(sensorsErrors.QUERY_OPTION_INVALID, { problem }, { problem });
}

function notImplemented(problem: string): AppError {
  return new AppError(sensorsErrors.NOT_IMPLEMENTED, { problem }, { problem });
}

/** Splits on `separator` outside quotes and parentheses ("a($top=1;$skip=2),b" → two items). */
export function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const char of text) {
    if (char === "'") quoted = !quoted;
    else if (!quoted && char === '(') depth += 1;
    else if (!quoted && char === ')') depth -= 1;
    if (depth < 0) throw optionError(`unbalanced ')' in '${text}'`);
    if (char === separator && depth === 0 && !quoted) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  if (depth !== 0 || quoted) throw optionError(`unbalanced parentheses or quotes in '${text}'`);
  parts.push(current);
  return parts;
}

function nonNegativeInteger(name: string, value: string): number {
  if (!/^\d+$/.test(value)) throw optionError(`${name} must be a non-negative integer, not '${value}'`);
  return Number(value);
}

function parseSelect(value: string, entity: EntityDefinition): string[] {
  const names = value.split(',').map((name) => name.trim());
  for (const name of names) {
    if (name === '@iot.id' || name === '@iot.selfLink') continue;
    if (!(name in entity.properties) && !(name in entity.relations))
      throw optionError(`$select: '${name}' is not a property of ${entity.name}`);
  }
  return names.map((name) => (name === '@iot.id' ? 'id' : name));
}

function parseExpand(value: string, entity: EntityDefinition): ExpandItem[] {
  const merged = new Map<string, { options: Map<string, string>; nested: string[] }>();
  for (const raw of splitTopLevel(value, ',')) {
    const item = raw.trim();
    const match = /^([A-Za-z]+)(?:\((.*)\))?(?:\/(.+))?$/s.exec(item);
    if (!match) throw optionError(`$expand: cannot read '${item}'`);
    const [, relation = '', inner, rest] = match;
    if (!entity.relations[relation])
      throw optionError(`$expand: '${relation}' is not a relation of ${entity.name}`);
    const entry = merged.get(relation) ?? { options: new Map<string, string>(), nested: [] };
    if (inner !== undefined) {
      for (const option of splitTopLevel(inner, ';')) {
        const equals = option.indexOf('=');
        const key = option.slice(0, equals).trim();
        if (equals < 0 || !INSIDE_EXPAND.has(key))
          throw optionError(`$expand: '${option}' is not an option allowed inside $expand`);
        if (key === '$expand') entry.nested.push(option.slice(equals + 1));
        else entry.options.set(key, option.slice(equals + 1));
      }
    }
    if (rest) entry.nested.push(rest);
    merged.set(relation, entry);
  }
  return [...merged].map(([relation, entry]) => {
    const options = new Map(entry.options);
    if (entry.nested.length) options.set('$expand', entry.nested.join(','));
    return {
      relation,
      options: parseOptions(options, entities[defined(entity.relations[relation], relation).target]),
      raw: options,
    };
  });
}

function parseCount(value: string): boolean {
  if (value !== 'true' && value !== 'false')
    throw optionError(`$count must be true or false, not '${value}'`);
  return value === 'true';
}

/** Reads the query options that apply to one entity set (nested ones for each $expand item). */
export function parseOptions(raw: ReadonlyMap<string, string>, entity: EntityDefinition): QueryOptions {
  const get = (name: string) => raw.get(name);
  const resultFormat = get('$resultFormat');
  if (resultFormat !== undefined && resultFormat !== 'dataArray')
    throw notImplemented(`$resultFormat=${resultFormat}`);
  if (resultFormat === 'dataArray' && entity.name !== 'Observation')
    throw optionError('$resultFormat=dataArray applies to Observations only');
  const top = get('$top');
  const filter = get('$filter');
  const orderBy = get('$orderby');
  const select = get('$select');
  const expand = get('$expand');
  return {
    filter: filter === undefined ? null : parseFilter(filter),
    orderBy: orderBy === undefined ? [] : parseOrderBy(orderBy),
    top: top === undefined ? DEFAULT_TOP : Math.min(nonNegativeInteger('$top', top), MAX_TOP),
    skip: nonNegativeInteger('$skip', get('$skip') ?? '0'),
    count: parseCount(get('$count') ?? 'false'),
    select: select === undefined ? null : parseSelect(select, entity),
    expand: expand === undefined ? [] : parseExpand(expand, entity),
    resultFormat: resultFormat === 'dataArray' ? 'dataArray' : 'default',
  };
}

function decodePiece(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw optionError(`'${text}' is not correctly percent-encoded`);
  }
}

const ENDS_WITH_TIME = /T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;
const STARTS_WITH_OFFSET = /^\d{2}(?::?\d{2})?(?!\d)/;

/**
 * Decodes a query string value as application/x-www-form-urlencoded (what forms and many clients
 * send): '+' is a space. One exception keeps bare datetimes working when a client did not encode
 * their '+': a '+' between a time and an offset (…T10:00:00+07:00), where a space could not stand.
 * A literal '+' anywhere else is sent as %2B.
 */
function decode(text: string): string {
  const pieces = text.split('+').map(decodePiece);
  let decoded = pieces[0] ?? '';
  for (let index = 1; index < pieces.length; index += 1) {
    const piece = pieces[index] ?? '';
    const timeZone = ENDS_WITH_TIME.test(decoded) && STARTS_WITH_OFFSET.test(piece);
    decoded += (timeZone ? '+' : ' ') + piece;
  }
  return decoded;
}

export function readQueryString(query: string): Map<string, string> {
  const options = new Map<string, string>();
  for (const pair of query.split('&')) {
    if (!pair) continue;
    const equals = pair.indexOf('=');
    const key = decode(equals < 0 ? pair : pair.slice(0, equals));
    const value = equals < 0 ? '' : decode(pair.slice(equals + 1));
    if (!key.startsWith('$')) continue;
    if (!KNOWN.has(key)) throw notImplemented(`the query option ${key}`);
    if (options.has(key)) throw optionError(`${key} is given twice`);
    options.set(key, value);
  }
  return options;
}
