/** The one way the web app talks to the citydx API: same origin, JSON, localised errors, CSRF on writes. */

export interface FieldError {
  readonly location: string;
  readonly path: string;
  readonly message: string;
}

export interface Page<T> {
  readonly items: T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

/** An error answer of the API (`{ error: { code, message, details } }`), or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The validation problems the server listed, if any. */
  get fields(): FieldError[] {
    const fields = this.details.fields;
    return Array.isArray(fields) ? fields.filter(isFieldError) : [];
  }

  /** Validation messages keyed by the top-level body field they concern (e.g. "/email" → "email"). */
  fieldMessages(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const field of this.fields) {
      const name = field.path.split('/').filter(Boolean)[0];
      if (name && !(name in out)) out[name] = field.message;
    }
    return out;
  }
}

function isFieldError(value: unknown): value is FieldError {
  const record = value as Partial<FieldError> | null;
  return typeof record?.path === 'string' && typeof record.message === 'string';
}

// Module state rather than React context: the API is called from query functions outside render.
let currentLocale = 'vi';
let csrfToken: string | null = null;

export function setApiLocale(locale: string): void {
  currentLocale = locale;
}

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The language requests are made in (for messages built outside React, e.g. from CKAN errors). */
export function apiLocale(): string {
  return currentLocale;
}

export type QueryValue = string | number | boolean | null | undefined;

/** Builds `path?query`, leaving out empty values so the server applies its defaults. */
export function withQuery(path: string, query: Readonly<Record<string, QueryValue>> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly query?: Readonly<Record<string, QueryValue>>;
  readonly body?: unknown;
  readonly signal?: AbortSignal;
}

const NETWORK_MESSAGE: Record<string, string> = {
  vi: 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.',
  en: 'Could not reach the server. Check the connection and try again.',
};

/** What every request says: JSON wanted, the page's language, and on writes the session's CSRF token. */
export function requestHeaders(method: string): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLocale };
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  return headers;
}

/** The error a request that never reached the server fails with, in the page's language. */
export function networkError(): ApiError {
  return new ApiError(0, 'NETWORK_ERROR', NETWORK_MESSAGE[currentLocale] ?? NETWORK_MESSAGE.vi ?? '');
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers = requestHeaders(method);
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if ((error as { name?: string }).name === 'AbortError') throw error;
    throw networkError();
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const error = (
      data as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | undefined
    )?.error;
    throw new ApiError(
      response.status,
      error?.code ?? `HTTP_${response.status}`,
      error?.message ?? response.statusText,
      error?.details ?? {},
    );
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
