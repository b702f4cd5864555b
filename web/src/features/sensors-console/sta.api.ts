import { ApiError, networkError, requestHeaders } from '../../lib/api';

/** The OGC SensorThings API 1.1 of this platform (server: sensors/sta, docs/sensors.md). */
export const STA_BASE = '/sta/v1.1';

export interface StaCollection<T> {
  readonly value: T[];
  readonly '@iot.count'?: number;
  readonly '@iot.nextLink'?: string;
}

export interface StaThing {
  readonly '@iot.id': number;
  readonly name: string;
  readonly description: string;
  readonly properties?: Record<string, unknown>;
  readonly Locations?: StaLocation[];
  readonly Datastreams?: StaDatastream[];
  readonly 'Datastreams@iot.count'?: number;
}

export interface StaLocation {
  readonly '@iot.id'?: number;
  readonly name?: string;
  readonly location: { readonly type: string; readonly coordinates: unknown };
}

export interface StaUnit {
  readonly name?: string;
  readonly symbol?: string;
  readonly definition?: string;
}

export interface StaObservation {
  readonly '@iot.id'?: number;
  readonly phenomenonTime: string;
  readonly result: unknown;
}

export interface StaDatastream {
  readonly '@iot.id': number;
  readonly name: string;
  readonly description?: string;
  readonly unitOfMeasurement?: StaUnit;
  readonly observationType?: string;
  readonly properties?: Record<string, unknown>;
  readonly Thing?: StaThing;
  readonly ObservedProperty?: StaNamed;
  readonly Sensor?: StaNamed;
  readonly Observations?: StaObservation[];
}

export interface StaNamed {
  readonly '@iot.id': number;
  readonly name: string;
  readonly description?: string;
}

/** Query options ($filter, $expand, …) written as the spec spells them; values are URL-encoded here. */
export type StaQuery = Readonly<Record<string, string | number | boolean | undefined>>;

export function staUrl(path: string, query: StaQuery = {}): string {
  const parts = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`);
  return `${STA_BASE}/${path}${parts.length > 0 ? `?${parts.join('&')}` : ''}`;
}

/** A quoted OData string literal ('' escapes a quote). */
export function staString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * A request to the STA. Its errors come in FROST's shape (`{ code, message, errorCode }`), not the
 * citydx envelope, so they are read here and raised as the same ApiError the rest of the app shows.
 */
export async function sta<T>(
  path: string,
  options: {
    readonly method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
    readonly query?: StaQuery;
    readonly body?: unknown;
  } = {},
): Promise<T> {
  const method = options.method ?? 'GET';
  const headers = requestHeaders(method);
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(staUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
    });
  } catch {
    throw networkError();
  }
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    const frost = data as
      { message?: string; errorCode?: string; error?: { code?: string; message?: string } } | undefined;
    throw new ApiError(
      response.status,
      frost?.errorCode ?? frost?.error?.code ?? `HTTP_${response.status}`,
      frost?.message ?? frost?.error?.message ?? response.statusText,
    );
  }
  return data as T;
}

/** A GeoJSON point's [lon, lat] as numbers, or null. */
export function pointOf(location: StaLocation | undefined): [number, number] | null {
  const coordinates = location?.location?.coordinates;
  if (!Array.isArray(coordinates)) return null;
  const [lon, lat] = coordinates as unknown[];
  return typeof lon === 'number' && typeof lat === 'number' ? [lon, lat] : null;
}
