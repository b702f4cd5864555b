import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: unknown;
}

export interface ScriptedResponse {
  readonly status: number;
  readonly body: unknown;
}

export interface ProviderServer {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Answers for the next requests, in order; afterwards `fallback` answers. */
  queue(...responses: ScriptedResponse[]): void;
  close(): Promise<void>;
}

/**
 * A real local HTTP server standing in for a provider (SMS gateway, Zalo OA): it records every request
 * as received on the wire and answers from a script, so tests can make it fail once, then succeed.
 */
export async function startProviderServer(fallback: ScriptedResponse): Promise<ProviderServer> {
  const requests: RecordedRequest[] = [];
  const scripted: ScriptedResponse[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Kept as text: the test asserts what arrived.
      }
      requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      const answer = scripted.shift() ?? fallback;
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    queue: (...responses) => scripted.push(...responses),
    close: () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
