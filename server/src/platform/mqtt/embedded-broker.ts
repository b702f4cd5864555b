import net from 'node:net';
import type { Duplex } from 'node:stream';
import { Aedes, type AedesPublishPacket, type Client, type PublishPacket } from 'aedes';
import type { FastifyBaseLogger } from 'fastify';
import type { HandlerTable } from './handler-table';
import { duplexPair } from './in-process-stream';
import type { MqttAuthenticator, MqttSender } from './mqtt';
import { SubscribedFilters } from './subscribed-filters';

export interface EmbeddedBrokerOptions {
  /** TCP port for devices; 0 = any free port (tests); undefined = in-process only. */
  readonly port?: number;
  readonly host: string;
  readonly handlers: HandlerTable;
  /** Whether a topic's messages are for the platform only (they carry a device token): never forwarded. */
  readonly isPrivate: (topic: string) => boolean;
  /** Judge CONNECT credentials (see PlatformMqtt.authenticateWith); read at each CONNECT. */
  readonly authenticators: readonly MqttAuthenticator[];
  readonly logger: FastifyBaseLogger;
}

/** CONNACK return codes of MQTT 3.1.1 §3.2.2.3. */
const SERVER_UNAVAILABLE = 3;
const BAD_CREDENTIALS = 4;
/**
 * The client id the platform's announcements carry (they come from no connection): a platform id, so
 * they pass authorizeForward on private filters, and no device may connect with it.
 */
const ANNOUNCER_ID = 'citydx-platform-announcer';

type Deliver = Parameters<Aedes['subscribe']>[1];

/**
 * aedes counting its clients' subscriptions: every SUBSCRIBE, restored session, UNSUBSCRIBE and
 * disconnect passes through these two methods (lib/handlers/subscribe.js, unsubscribe.js).
 */
class CountingAedes extends Aedes {
  readonly subscribed = new SubscribedFilters();

  override subscribe(topic: string, deliver: Deliver, done: () => void): void {
    this.subscribed.add(topic);
    super.subscribe(topic, deliver, done);
  }

  override unsubscribe(topic: string, deliver: Deliver, done: () => void): void {
    this.subscribed.remove(topic);
    super.unsubscribe(topic, deliver, done);
  }
}

/**
 * aedes, the embedded broker, with the platform's handlers in its `authorizePublish` hook.
 *
 * Why there: aedes answers a QoS 1 PUBLISH in the order authorizePublish → PUBACK → forward to
 * subscribers (lib/handlers/publish.js); its `published` hook runs only after the PUBACK. Running the
 * handlers inside authorizePublish is therefore what makes the device's PUBACK wait for the handler's
 * commit. When a handler fails we pass the error on: aedes closes the connection without PUBACK and
 * the device sends the message again when it reconnects (at least once). QoS 0 has no acknowledgement
 * to withhold, so a failure there is only logged and counted.
 *
 * Each connection's sender (the platform's own in-process client, an anonymous client, or the identity
 * an authenticator returned) travels with its messages to the handlers. Messages on a private filter
 * are forwarded to other subscribers only when the platform itself published them.
 */
export class EmbeddedBroker {
  #server: net.Server | undefined;
  private readonly senders = new WeakMap<Client, MqttSender>();
  private readonly inProcess = new WeakSet<Client>();
  private readonly platformClientIds = new Set<string>([ANNOUNCER_ID]);

  private constructor(
    readonly aedes: CountingAedes,
    private readonly options: EmbeddedBrokerOptions,
  ) {}

  static async start(options: EmbeddedBrokerOptions): Promise<EmbeddedBroker> {
    // The hooks need the broker object, which needs aedes: they read it through this reference.
    const self: { broker?: EmbeddedBroker } = {};
    // What Aedes.createBroker does, with our subclass.
    const aedes = new CountingAedes({
      authenticate: (client, username, password, callback) => {
        if (!self.broker) return callback(null, false);
        self.broker.authenticateClient(client, username, password).then(
          () => callback(null, true),
          (error: Error & { returnCode?: number }) => callback(error as never, false),
        );
      },
      authorizePublish: (client, packet, callback) => {
        // $SYS topics are the broker's own bookkeeping: no handler is meant for them.
        if (packet.topic.startsWith('$SYS')) return callback(null);
        // Always a sender here (undefined means "an external broker that does not say"); a will
        // published for a client that is gone counts as anonymous.
        const sender: MqttSender = (client && self.broker?.senders.get(client)) || {
          kind: 'anonymous',
          clientId: client?.id ?? '',
        };
        // The publisher's client id travels with the packet (aedes copies it), for authorizeForward.
        if (client) (packet as { clientId?: string }).clientId = client.id;
        options.handlers
          .dispatch({
            topic: packet.topic,
            payload: toBuffer(packet.payload),
            qos: packet.qos,
            sender,
          })
          .then(
            () => callback(null),
            (error: unknown) => callback(packet.qos > 0 ? asError(error) : null),
          );
      },
      authorizeForward: (_client, packet: AedesPublishPacket) => {
        if (!options.isPrivate(packet.topic)) return packet;
        const fromPlatform =
          self.broker?.platformClientIds.has((packet as { clientId?: string }).clientId ?? '') ?? false;
        return fromPlatform ? packet : null;
      },
    });
    await aedes.listen();
    aedes.on('clientError', (client, error) =>
      options.logger.debug({ clientId: client.id, err: error }, 'MQTT client error'),
    );
    const broker = new EmbeddedBroker(aedes, options);
    self.broker = broker;
    if (options.port !== undefined) await broker.#listenOrWarn(options.port);
    return broker;
  }

  /** The TCP address devices connect to, or null when in-process only. */
  address(): { host: string; port: number } | null {
    const address = this.#server?.address();
    if (!address || typeof address !== 'object') return null;
    return { host: this.options.host, port: address.port };
  }

  /** A new in-process connection: the returned stream is the client's end. */
  connectInProcess(): Duplex {
    const [clientEnd, brokerEnd] = duplexPair();
    this.inProcess.add(this.aedes.handle(brokerEnd));
    return clientEnd;
  }

  /** Whether a message on `topic` would reach a subscriber now. */
  hasSubscribers(topic: string): boolean {
    return this.aedes.subscribed.reach(topic);
  }

  /**
   * Hands a QoS 0 message straight to the subscribers (aedes.publish): no in-process client encoding
   * and parsing it, no authorizePublish, so no platform handler sees it (PlatformMqtt.announce).
   */
  announce(topic: string, payload: Buffer, done: (error?: Error) => void): void {
    const packet = {
      cmd: 'publish',
      topic,
      payload,
      qos: 0,
      retain: false,
      dup: false,
      clientId: ANNOUNCER_ID,
    };
    this.aedes.publish(packet as PublishPacket, (error) => done(error ?? undefined));
  }

  /** Resolves when the client may connect (and records its sender); rejects with a CONNACK code. */
  private async authenticateClient(client: Client, username?: string, password?: Buffer): Promise<void> {
    if (this.inProcess.has(client)) {
      this.platformClientIds.add(client.id);
      this.senders.set(client, { kind: 'platform' });
      return;
    }
    // A device may not pose as the platform (its client id would make its messages forwardable).
    if (this.platformClientIds.has(client.id)) throw connackError(BAD_CREDENTIALS);
    if (username === undefined && password === undefined) {
      this.senders.set(client, { kind: 'anonymous', clientId: client.id });
      return;
    }
    const credentials = { clientId: client.id, username, password };
    for (const authenticator of this.options.authenticators) {
      let identity: unknown;
      try {
        identity = await authenticator(credentials);
      } catch (error) {
        this.options.logger.warn({ err: error, clientId: client.id }, 'MQTT authenticator failed');
        throw connackError(SERVER_UNAVAILABLE);
      }
      if (identity !== null && identity !== undefined) {
        this.senders.set(client, { kind: 'authenticated', clientId: client.id, identity });
        return;
      }
    }
    throw connackError(BAD_CREDENTIALS);
  }

  async close(): Promise<void> {
    // The broker first: it closes the device connections the server would otherwise wait for.
    await new Promise<void>((resolve) => this.aedes.close(() => resolve()));
    const server = this.#server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /**
   * A second citydx on the same machine (a test run, the e2e server) must still start: without the
   * port the broker serves the platform in-process, and says loudly that devices cannot connect.
   */
  async #listenOrWarn(port: number): Promise<void> {
    try {
      await this.#listen(port);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      this.options.logger.error(
        { port },
        'MQTT port in use: the embedded broker runs in-process only and devices cannot connect (set MQTT_EMBEDDED_PORT)',
      );
    }
  }

  async #listen(port: number): Promise<void> {
    const server = net.createServer((socket) => this.aedes.handle(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.#server = server;
  }
}

function toBuffer(payload: PublishPacket['payload']): Buffer {
  // The parser hands a Buffer already: no copy of every payload.
  return Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
}

function connackError(returnCode: number): Error & { returnCode: number } {
  return Object.assign(new Error('MQTT connection refused'), { returnCode });
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
