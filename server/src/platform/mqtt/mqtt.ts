/**
 * The kernel's MQTT service as modules see it. One interface whether the platform runs its embedded
 * broker or is a client of an external one (MQTT_URL); see docs/mqtt.md.
 */

/**
 * Who published a message, as far as the broker knows. Only the embedded broker knows; with an
 * external broker `sender` is undefined (that broker authenticated its clients and its ACL decided
 * who may publish where).
 */
export type MqttSender =
  /** This process's own client (`PlatformMqtt.publish`). */
  | { readonly kind: 'platform' }
  /** A client that sent no user name and no password in CONNECT. */
  | { readonly kind: 'anonymous'; readonly clientId: string }
  /** A client whose credentials an authenticator accepted; `identity` is what it returned. */
  | { readonly kind: 'authenticated'; readonly clientId: string; readonly identity: unknown };

/** A message that reached the broker, as a subscribed handler receives it. */
export interface MqttMessage {
  readonly topic: string;
  readonly payload: Buffer;
  readonly qos: 0 | 1 | 2;
  /** The publisher, when the broker knows it (embedded broker only). */
  readonly sender?: MqttSender;
}

/** What a client sent in CONNECT. */
export interface MqttCredentials {
  readonly clientId: string;
  readonly username: string | undefined;
  readonly password: Buffer | undefined;
}

/**
 * Checks a client's CONNECT credentials: returns the identity handlers will see as
 * `sender.identity`, or null when these credentials are not this authenticator's to judge (or wrong).
 */
export type MqttAuthenticator = (credentials: MqttCredentials) => Promise<unknown>;

/**
 * Handles one message. Resolving acknowledges it (PUBACK for QoS 1), so a handler resolves only once
 * what it must keep is committed. Rejecting means "not processed, deliver again" and is for passing
 * trouble (database down); a payload the handler cannot use is reported with `malformed()` and the
 * handler resolves, or the sender would resend it forever.
 */
export type MqttHandler = (message: MqttMessage) => Promise<void>;

export interface MqttSubscribeOptions {
  /**
   * The messages carry a secret (a device token) and are for the platform only: the embedded broker
   * never forwards them to other subscribers. An external broker needs the same rule in its ACL.
   */
  readonly private?: boolean;
}

export interface MqttPublishOptions {
  readonly qos?: 0 | 1;
  readonly retain?: boolean;
}

export interface PlatformMqtt {
  /** 'embedded': this process runs the broker; 'external': a client of MQTT_URL. */
  readonly mode: 'embedded' | 'external';
  /** Where devices connect (mqtt://host:port), or null when the embedded broker opens no port. */
  endpoint(): string | null;
  /** Connects (external) or starts the broker (embedded). Idempotent. */
  start(): Promise<void>;
  /** Publishes; with QoS 1 the promise resolves when the broker acknowledged the message. */
  publish(topic: string, payload: string | Buffer, options?: MqttPublishOptions): Promise<void>;
  /**
   * Sends a live update (QoS 0, not retained) to the broker's subscribers of `topic` only: unlike
   * `publish`, the platform's own handlers never see it, which spares the embedded broker a round
   * through its in-process client per update. Fire and forget: returns false, sending nothing, while
   * too many updates are still being written (slow subscribers, a broker gone), so memory stays
   * bounded; failures are logged (throttled). For a message that must arrive, use `publish`.
   */
  announce(topic: string, payload: Buffer): boolean;
  /**
   * Whether a message on `topic` would reach a subscriber now, so a publisher of live updates can
   * skip building one nobody receives. Embedded broker: from its clients' subscriptions; an external
   * broker does not say, so always true there.
   */
  hasSubscribers(topic: string): boolean;
  /**
   * Calls `handler` for every message published on a matching topic from now on (retained messages
   * are not replayed). May be called before `start()`. Returns the function that unsubscribes.
   */
  subscribe(
    topicFilter: string,
    handler: MqttHandler,
    options?: MqttSubscribeOptions,
  ): Promise<() => Promise<void>>;
  /**
   * Adds an authenticator for the embedded broker's CONNECT (an external broker authenticates its own
   * clients: this does nothing there). A client without credentials connects anonymously; a client
   * whose credentials no authenticator accepts is refused (CONNACK "bad user name or password").
   */
  authenticateWith(authenticator: MqttAuthenticator): void;
  /** Counts and logs (throttled) a message a handler could not use; the handler then resolves. */
  malformed(message: MqttMessage, reason: string): void;
  close(): Promise<void>;
}
