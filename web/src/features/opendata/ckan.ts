import { ApiError, apiLocale, networkError, requestHeaders, withQuery, type QueryValue } from '../../lib/api';
import { translateCkanMessage } from './ckan-messages';

/** CKAN's answer: `{success: true, result}` or `{success: false, error: {__type, message | field: [..]}}`. */
interface CkanEnvelope {
  readonly success?: boolean;
  readonly result?: unknown;
  readonly error?: Readonly<Record<string, unknown>>;
}

const INVALID: Record<string, string> = {
  vi: 'Một số trường chưa hợp lệ.',
  en: 'Some fields are not valid.',
};

function messagesOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(messagesOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(messagesOf);
  return [];
}

/**
 * A CKAN error as the app's ApiError: a Validation Error's field dict becomes `details.fields`, so
 * forms show each message next to its input (fieldErrorsOf) and ErrorAlert lists the others.
 */
export function ckanError(status: number, error: Readonly<Record<string, unknown>> | undefined): ApiError {
  const type = typeof error?.__type === 'string' ? error.__type : `HTTP_${status}`;
  const locale = apiLocale();
  if (type === 'Validation Error') {
    const fields = Object.entries(error ?? {})
      .filter(([key]) => key !== '__type')
      .flatMap(([key, value]) =>
        messagesOf(value).map((message) => ({
          location: 'body',
          path: `/${key}`,
          message: translateCkanMessage(message, locale),
        })),
      );
    return new ApiError(status, type, INVALID[locale] ?? INVALID.vi ?? '', { fields });
  }
  const message = typeof error?.message === 'string' ? error.message : type;
  return new ApiError(status, type, translateCkanMessage(message, locale));
}

/** The `result` of a CKAN answer (status and body text), or the ApiError it amounts to. */
export function ckanResult<T>(status: number, text: string): T {
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  // CKAN answers a request it cannot read with a bare JSON string: "Bad request - <why>".
  if (typeof data === 'string') throw new ApiError(status, 'Bad Request', data);
  const envelope = data as CkanEnvelope | undefined;
  if (status < 200 || status >= 300 || !envelope?.success) throw ckanError(status, envelope?.error);
  return envelope.result as T;
}

export interface CkanCallOptions {
  /** Writes are POSTed as JSON with the CSRF token; reads are GET. */
  readonly method?: 'GET' | 'POST';
  readonly signal?: AbortSignal;
}

/** Calls `/api/3/action/<name>` and returns its `result`, or throws an ApiError in the page's language. */
export async function ckanAction<T>(
  name: string,
  params: Readonly<Record<string, QueryValue>> | Readonly<Record<string, unknown>> = {},
  options: CkanCallOptions = {},
): Promise<T> {
  const method = options.method ?? 'GET';
  const url = `/api/3/action/${name}`;
  const headers = requestHeaders(method);
  if (method === 'POST') headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(
      method === 'GET' ? withQuery(url, params as Readonly<Record<string, QueryValue>>) : url,
      {
        method,
        headers,
        credentials: 'same-origin',
        body: method === 'POST' ? JSON.stringify(params) : null,
        signal: options.signal ?? null,
      },
    );
  } catch (error) {
    if ((error as { name?: string }).name === 'AbortError') throw error;
    throw networkError();
  }
  return ckanResult<T>(response.status, await response.text());
}
