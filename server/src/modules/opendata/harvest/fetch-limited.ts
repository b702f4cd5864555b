/** Limits of one fetch from a harvest source: a slow or huge answer fails the fetch, not the process. */
export interface FetchLimits {
  readonly timeoutMs: number;
  readonly maxBytes: number;
}

export const defaultFetchLimits: FetchLimits = { timeoutMs: 30_000, maxBytes: 50 * 1024 * 1024 };

/** Why a source could not be read; its message goes into the run's report. */
export class HarvestFetchError extends Error {
  override name = 'HarvestFetchError';

  /** `answered`: the server replied, but not with what was asked (an HTTP error, not JSON, …). */
  constructor(
    message: string,
    readonly kind: 'unreachable' | 'too-large' | 'answered' = 'answered',
  ) {
    super(message);
  }
}

/** Only http(s) sources: file:, data: or ftp: URLs would read from places an admin did not mean. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === ''
    );
  } catch {
    return false;
  }
}

export interface FetchedDocument {
  readonly url: string;
  readonly contentType: string;
  readonly body: string;
}

async function readCapped(response: Response, url: string, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes)
    throw new HarvestFetchError(`${url}: answer larger than ${maxBytes} bytes`, 'too-large');
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      await response.body.cancel().catch(() => undefined);
      throw new HarvestFetchError(`${url}: answer larger than ${maxBytes} bytes`, 'too-large');
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function describe(error: unknown): string {
  const { name, message, cause } = error as { name?: string; message?: string; cause?: { code?: string } };
  if (name === 'TimeoutError') return 'no answer within the time limit';
  return cause?.code ? `${message ?? 'fetch failed'} (${cause.code})` : (message ?? String(error));
}

/**
 * GETs a document anonymously (no credentials: a source's private datasets stay private), with a time
 * limit over the whole exchange and a size limit on the body. Non-2xx answers are errors.
 */
export async function fetchDocument(
  url: string,
  accept: string,
  limits: FetchLimits,
): Promise<FetchedDocument> {
  if (!isHttpUrl(url))
    throw new HarvestFetchError(`${url}: only http and https URLs are harvested`, 'unreachable');
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    const response = await fetch(url, {
      headers: { accept, 'user-agent': 'citydx-harvester' },
      signal,
      redirect: 'follow',
    });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new HarvestFetchError(`${url}: HTTP ${response.status}`);
    }
    const body = await readCapped(response, url, limits.maxBytes);
    return { url: response.url || url, contentType: response.headers.get('content-type') ?? '', body };
  } catch (error) {
    if (error instanceof HarvestFetchError) throw error;
    throw new HarvestFetchError(`${url}: ${describe(error)}`, 'unreachable');
  }
}
