import { DeliveryError } from './channel';

export interface JsonResponse {
  readonly status: number;
  readonly body: unknown;
}

/** 408, 425 and 429 ask the caller to come back later; other 4xx say the request itself is wrong. */
export function isTransientStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 425 || status === 429;
}

/**
 * POSTs JSON and reads a JSON answer. Network failures and timeouts become transient DeliveryErrors;
 * the caller decides what the status and body mean for its provider.
 */
export async function postJson(
  url: string,
  body: unknown,
  headers: Readonly<Record<string, string>>,
  timeoutMs: number,
): Promise<JsonResponse> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', accept: 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const cause =
      (error as Error).name === 'TimeoutError'
        ? `no answer within ${timeoutMs} ms`
        : (error as Error).message;
    throw new DeliveryError(`${new URL(url).host}: ${cause}`, false);
  }
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = text;
  }
  return { status: response.status, body: parsed };
}

/** A short, log-safe description of an unexpected answer. */
export function describeAnswer(answer: JsonResponse): string {
  const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  return `HTTP ${answer.status}: ${(body ?? '').slice(0, 300)}`;
}
