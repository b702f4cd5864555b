import { AppError } from '../../../platform/http/app-error';
import { sensorsErrors } from '../sensors.errors';

export function invalid(problem: string): AppError {
  return new AppError(sensorsErrors.ENTITY_INVALID, { problem }, { problem });
}

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{"@iot.id": 1}` links to an existing entity instead of creating one. */
export function referenceId(value: Json): number | null {
  if (!('@iot.id' in value)) return null;
  const id = value['@iot.id'];
  const numeric = typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : id;
  if (!Number.isSafeInteger(numeric) || (numeric as number) < 1)
    throw invalid(`'@iot.id' ${JSON.stringify(id)} is not an id`);
  if (Object.keys(value).length > 1)
    throw invalid('a reference carries only @iot.id; ids of new entities are chosen by the server');
  return numeric as number;
}

/** Reads the fields of one posted entity, refusing unknown names and wrong types with a clear message. */
export class EntityInput {
  constructor(
    readonly body: Json,
    readonly entityName: string,
    allowed: readonly string[],
    private readonly partial = false,
  ) {
    for (const key of Object.keys(body))
      if (!allowed.includes(key)) throw invalid(`${entityName} has no property '${key}'`);
  }

  has(name: string): boolean {
    return this.body[name] !== undefined;
  }

  private missing(name: string): never {
    throw invalid(`${this.entityName}.${name} is required`);
  }

  string(name: string): string;
  string(name: string, optional: true): string | undefined;
  string(name: string, optional = false): string | undefined {
    const value = this.body[name];
    if (value === undefined || value === null)
      return optional || this.partial ? undefined : this.missing(name);
    if (typeof value !== 'string') throw invalid(`${this.entityName}.${name} must be a string`);
    return value;
  }

  object(name: string, optional = true): Json | null | undefined {
    const value = this.body[name];
    if (value === undefined) return optional || this.partial ? undefined : this.missing(name);
    if (value === null && optional) return null;
    if (!isObject(value)) throw invalid(`${this.entityName}.${name} must be a JSON object`);
    return value;
  }

  array(name: string): unknown[] {
    const value = this.body[name];
    if (value === undefined) return [];
    if (!Array.isArray(value)) throw invalid(`${this.entityName}.${name} must be an array`);
    return value;
  }

  /** A related entity: an object (new or reference). */
  related(name: string): Json | undefined {
    const value = this.body[name];
    if (value === undefined) return undefined;
    if (!isObject(value)) throw invalid(`${this.entityName}.${name} must be an entity or {"@iot.id": …}`);
    return value;
  }

  time(name: string): Date | undefined {
    const value = this.body[name];
    if (value === undefined || value === null) return undefined;
    return parseInstant(value, `${this.entityName}.${name}`);
  }

  /** An instant or an ISO 8601 interval "start/end". */
  timeOrInterval(name: string): { start: Date; end: Date | null } | undefined {
    const value = this.body[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string')
      throw invalid(`${this.entityName}.${name} must be an ISO 8601 time or interval`);
    const [start = '', end] = value.split('/');
    return {
      start: parseInstant(start, `${this.entityName}.${name}`),
      end: end === undefined ? null : parseInstant(end, `${this.entityName}.${name}`),
    };
  }
}

export function parseInstant(value: unknown, what: string): Date {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(value))
    throw invalid(`${what} must be an ISO 8601 time with a date and a time`);
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw invalid(`${what} '${value}' is not a valid time`);
  return date;
}

/** The point a GeoJSON value stands at (a Point's position, else its first position), for filters. */
export function representativePoint(geojson: Json, what: string): { latitude: number; longitude: number } {
  const geometry = geojson.type === 'Feature' && isObject(geojson.geometry) ? geojson.geometry : geojson;
  if (typeof geometry.type !== 'string' || !('coordinates' in geometry))
    throw invalid(`${what} must be a GeoJSON geometry or Feature with coordinates`);
  let position: unknown = geometry.coordinates;
  while (Array.isArray(position) && Array.isArray(position[0])) position = position[0];
  const [longitude, latitude] = Array.isArray(position) ? position : [];
  if (
    typeof longitude !== 'number' ||
    typeof latitude !== 'number' ||
    Math.abs(latitude) > 90 ||
    Math.abs(longitude) > 180
  )
    throw invalid(`${what} has no valid [longitude, latitude] position`);
  return { latitude, longitude };
}
