import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Db } from '../../../platform/db/database';
import { recordObservations, type ObservationInput, type ObservationOutcome } from '../observations.service';
import {
  deviceGrants,
  mayPublishAnywhere,
  recheckIntegrations,
  type IntegrationPublisher,
  type Publisher,
  type TokenCheck,
} from './ingest-publishers';

/** An observation that was committed, with what its notification needs. */
export interface StoredObservation {
  readonly id: number;
  readonly input: ObservationInput;
  readonly featureOfInterestId: number | null;
}

export interface BatcherOptions {
  readonly db: Db;
  readonly auth: TokenCheck;
  /** How long the first message of an idle batcher waits for company. */
  readonly lingerMs: number;
  /** The most rows in one transaction. */
  readonly maxRows: number;
  readonly logger: FastifyBaseLogger;
  /** Called after each commit (notifications); must not throw. */
  readonly onCommitted?: (stored: readonly StoredObservation[]) => void;
}

interface Pending {
  readonly rows: readonly ObservationInput[];
  readonly publisher: Publisher;
  readonly resolve: (outcomes: ObservationOutcome[]) => void;
  readonly reject: (error: unknown) => void;
}

const NOT_AUTHENTICATED: ObservationOutcome = {
  ok: false,
  problem: 'not authenticated: connect with a device token or an API token to publish observations',
};

/**
 * Group commit for the MQTT ingest: messages arriving within `lingerMs` of each other, or while the
 * previous batch is being written, go to the database in one transaction and one `recordObservations`
 * call. Each message's promise resolves only after its batch committed (that is what sends its
 * PUBACK) and rejects when the transaction failed (no PUBACK: the message comes again).
 */
export class ObservationBatcher {
  #queue: Pending[] = [];
  #queuedRows = 0;
  #timer: NodeJS.Timeout | undefined;
  #draining: Promise<void> | undefined;

  constructor(private readonly options: BatcherOptions) {}

  /** Queues one message's rows; resolves with one outcome per row once they are committed. */
  submit(rows: readonly ObservationInput[], publisher: Publisher): Promise<ObservationOutcome[]> {
    if (rows.length === 0) return Promise.resolve([]);
    const receivedAt = new Date();
    // A reading without a time is the server's time at receipt (the spec's rule for clockless devices).
    const timed = rows.map((row) => (row.phenomenonTime ? row : { ...row, phenomenonTime: receivedAt }));
    return new Promise((resolve, reject) => {
      this.#queue.push({ rows: timed, publisher, resolve, reject });
      this.#queuedRows += timed.length;
      this.#schedule();
    });
  }

  /** Writes whatever is queued now (shutdown, tests). */
  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#draining ??= this.#drain().finally(() => {
      this.#draining = undefined;
      // A message queued between the last check and now would otherwise wait for the next one.
      if (this.#queue.length > 0) this.#schedule();
    });
    await this.#draining;
  }

  #schedule(): void {
    if (this.#draining) return; // the running drain takes the new messages next
    if (this.#queuedRows >= this.options.maxRows) return void this.flush();
    this.#timer ??= setTimeout(() => void this.flush(), this.options.lingerMs);
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      const batch: Pending[] = [];
      let rows = 0;
      while (this.#queue.length > 0 && (batch.length === 0 || rows < this.options.maxRows)) {
        const next = this.#queue.shift() as Pending;
        batch.push(next);
        rows += next.rows.length;
      }
      this.#queuedRows -= rows;
      await this.#commit(batch);
    }
  }

  async #commit(batch: readonly Pending[]): Promise<void> {
    let outcomes: ObservationOutcome[][];
    let stored: StoredObservation[];
    try {
      const integrations = batch.flatMap((p) =>
        p.publisher.kind === 'integration' ? [p.publisher.integration as IntegrationPublisher] : [],
      );
      await recheckIntegrations(integrations, this.options.auth);
      // A device's grant is checked in the insert's transaction (a new token stops the old one at
      // once). Without devices the rows go in by one statement, atomic and committed on its own
      // (recordObservations), so BEGIN and COMMIT would only add two round trips to every batch.
      const write = (executor: Kysely<unknown>) => this.#write(executor, batch);
      ({ outcomes, stored } = batch.some((pending) => pending.publisher.kind === 'device')
        ? await this.options.db.transaction().execute(write)
        : await write(this.options.db));
    } catch (error) {
      this.options.logger.warn(
        { err: error, messages: batch.length },
        'observation batch not committed; not acknowledged',
      );
      for (const pending of batch) pending.reject(error);
      return;
    }
    batch.forEach((pending, index) => pending.resolve(outcomes[index] ?? []));
    if (stored.length > 0) this.options.onCommitted?.(stored);
  }

  async #write(
    executor: Kysely<unknown>,
    batch: readonly Pending[],
  ): Promise<{ outcomes: ObservationOutcome[][]; stored: StoredObservation[] }> {
    const devices = [
      ...new Set(batch.flatMap((p) => (p.publisher.kind === 'device' ? [p.publisher.device] : []))),
    ];
    const deviceStreams = [
      ...new Set(
        batch.flatMap((p) => (p.publisher.kind === 'device' ? p.rows.map((r) => r.datastreamId) : [])),
      ),
    ];
    const grants = await deviceGrants(executor, devices, deviceStreams);
    const allowed = (publisher: Publisher, row: ObservationInput): boolean =>
      mayPublishAnywhere(publisher) ||
      (publisher.kind === 'device' && grants.has(`${publisher.device.deviceId}:${row.datastreamId}`));

    const accepted: ObservationInput[] = [];
    const decided = batch.map((pending) =>
      pending.rows.map((row): ObservationOutcome | null => {
        if (pending.publisher.kind === 'anonymous') return NOT_AUTHENTICATED;
        if (!allowed(pending.publisher, row))
          return { ok: false, problem: `not authorised to publish to Datastream ${row.datastreamId}` };
        accepted.push(row);
        return null;
      }),
    );
    const recorded = await recordObservations(executor, accepted);
    const stored: StoredObservation[] = [];
    accepted.forEach((input, index) => {
      const outcome = recorded[index];
      if (outcome?.ok)
        stored.push({
          id: outcome.id,
          input,
          featureOfInterestId: outcome.featureOfInterestId ?? input.featureOfInterestId ?? null,
        });
    });
    let next = 0;
    const outcomes = decided.map((rows) =>
      rows.map((outcome) => outcome ?? (recorded[next++] as ObservationOutcome)),
    );
    return { outcomes, stored };
  }
}
