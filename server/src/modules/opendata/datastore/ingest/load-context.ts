import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../../../platform/db/database';
import type { BlobStore } from '../../../../platform/files/blob-store';
import type { RawAccess } from '../raw-session';
import type { TablesRepo } from '../schema/tables.repo';
import type { ClaimedLoad, LoadProgress, LoadsRepo } from './loads.repo';

/** How loads behave; the defaults suit production, tests and benchmarks lower some thresholds. */
export interface LoadTuning {
  readonly sampleRows: number;
  readonly maxProblems: number;
  readonly leaseSeconds: number;
  readonly maxAttempts: number;
  /** Tables with fewer rows get no automatic index (a scan of them is fast anyway). */
  readonly autoIndexMinRows: number;
  readonly maxAutoIndexes: number;
  /**
   * CSV files of at least this size are parsed in a worker thread, beside the database work; smaller ones
   * in the main thread, as starting a worker (with its TypeScript loader) costs about half a second.
   */
  readonly workerMinBytes: number;
}

export const defaultLoadTuning: LoadTuning = {
  sampleRows: 10_000,
  maxProblems: 100,
  leaseSeconds: 120,
  maxAttempts: 3,
  autoIndexMinRows: 10_000,
  maxAutoIndexes: 8,
  workerMinBytes: 16 * 1024 * 1024,
};

export interface LoadDeps {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  readonly raw: RawAccess;
  readonly blobs: BlobStore;
  readonly logger: FastifyBaseLogger;
  readonly tables: TablesRepo;
  readonly loads: LoadsRepo;
  readonly tuning: LoadTuning;
}

/** The worker lost its lease: another worker has the load now, this one must stop touching it. */
export class LeaseLost extends Error {
  override name = 'LeaseLost';
}

/** Renews the lease and records progress at most once a second (and whenever asked to). */
export class ProgressReporter {
  bytesDone = 0;
  bytesTotal: number | null = null;
  #last = 0;

  constructor(
    private readonly deps: LoadDeps,
    private readonly load: ClaimedLoad,
  ) {}

  async report(progress: Omit<LoadProgress, 'bytesDone'>, force = false): Promise<void> {
    if (!force && Date.now() - this.#last < 1000) return;
    this.#last = Date.now();
    const held = await this.deps.loads.heartbeat(this.load, this.deps.tuning.leaseSeconds, {
      ...progress,
      bytesDone: this.bytesDone,
      bytesTotal: this.bytesTotal,
    });
    if (!held) throw new LeaseLost();
  }
}
