/** One connected Server-Sent Events client. */
export interface LiveClient {
  readonly ip: string;
  /** Writes raw SSE text; returns the bytes still waiting in the socket buffer. */
  write(chunk: string): number;
  end(): void;
}

export interface LiveFeedOptions {
  readonly maxClients: number;
  readonly maxClientsPerIp: number;
  readonly heartbeatMs: number;
  /** A client whose socket holds more unsent bytes than this is dropped (it cannot keep up). */
  readonly maxBufferedBytes: number;
  /** Called with true when the first client arrives and false when the last leaves. */
  readonly onActive?: (active: boolean) => void;
}

export type Admission = 'ok' | 'full' | 'ip_full';

const KIND = /^[a-z][a-z0-9._-]{0,99}$/i;

/**
 * The in-process fan-out of the live feed: every SSE client of this process, and `publish(kind,
 * payload)` writing one event to all of them. Other parts publish here (alerts, devices); what must
 * reach the clients of every process travels through the outbox instead (see live-sources.ts).
 */
export class LiveFeed {
  readonly #clients = new Set<LiveClient>();
  readonly #perIp = new Map<string, number>();
  #heartbeat: NodeJS.Timeout | undefined;

  constructor(private readonly options: LiveFeedOptions) {}

  get clientCount(): number {
    return this.#clients.size;
  }

  /** Whether a client from `ip` may connect now (checked before the response starts). */
  admit(ip: string): Admission {
    if (this.#clients.size >= this.options.maxClients) return 'full';
    if ((this.#perIp.get(ip) ?? 0) >= this.options.maxClientsPerIp) return 'ip_full';
    return 'ok';
  }

  add(client: LiveClient): void {
    this.#clients.add(client);
    this.#perIp.set(client.ip, (this.#perIp.get(client.ip) ?? 0) + 1);
    if (this.#clients.size === 1) {
      this.#heartbeat = setInterval(() => this.#broadcast(': heartbeat\n\n'), this.options.heartbeatMs);
      this.#heartbeat.unref();
      this.options.onActive?.(true);
    }
  }

  remove(client: LiveClient): void {
    if (!this.#clients.delete(client)) return;
    const left = (this.#perIp.get(client.ip) ?? 1) - 1;
    if (left > 0) this.#perIp.set(client.ip, left);
    else this.#perIp.delete(client.ip);
    if (this.#clients.size === 0) {
      clearInterval(this.#heartbeat);
      this.options.onActive?.(false);
    }
  }

  /** Sends `payload` (JSON) as an SSE event named `kind` to every client of this process. */
  publish(kind: string, payload: unknown): void {
    if (!KIND.test(kind)) throw new Error(`live feed: "${kind}" is not an event name`);
    if (this.#clients.size === 0) return;
    this.#broadcast(`event: ${kind}\ndata: ${JSON.stringify(payload)}\n\n`);
  }

  /** Ends every stream (the server is closing). */
  close(): void {
    for (const client of [...this.#clients]) {
      this.remove(client);
      client.end();
    }
  }

  #broadcast(chunk: string): void {
    for (const client of [...this.#clients]) {
      if (client.write(chunk) > this.options.maxBufferedBytes) {
        this.remove(client);
        client.end();
      }
    }
  }
}
