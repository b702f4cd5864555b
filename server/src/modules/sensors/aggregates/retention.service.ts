import type { Kysely } from 'kysely';
import { AppError } from '../../../platform/http/app-error';
import { dropObservationPartitionsBefore } from '../observation-partitions';
import { aggregatesErrors } from './aggregates.errors';
import { findDatastream } from './aggregates.repo';
import {
  clearDatastreamRetention,
  datastreamRetention,
  longestRetention,
  saveDatastreamRetention,
} from './retention.repo';

const DAY_MS = 24 * 3600_000;

export interface RetentionView {
  readonly datastreamId: number;
  /** The datastream's own setting: a number of days, null (forever), or absent (the default). */
  readonly days: number | null;
  readonly source: 'datastream' | 'default';
  /** What applies: days, or null for forever. */
  readonly effectiveDays: number | null;
}

/**
 * Retention of observations: each datastream keeps its data at least `days` (its own setting or
 * OBSERVATION_RETENTION_DAYS; 0 there means forever). Enforcement drops whole monthly partitions once
 * no datastream needs them — never row deletes on the hot table — so data can outlive a short setting
 * by up to a month, or longer when another datastream still needs that month.
 */
export class RetentionService {
  /** `defaultDays`: null = keep forever. */
  constructor(
    private readonly db: Kysely<unknown>,
    private readonly defaultDays: number | null,
  ) {}

  async get(datastreamId: number): Promise<RetentionView> {
    await this.#mustExist(datastreamId);
    const own = await datastreamRetention(this.db, datastreamId);
    return own
      ? { datastreamId, days: own.days, source: 'datastream', effectiveDays: own.days }
      : { datastreamId, days: null, source: 'default', effectiveDays: this.defaultDays };
  }

  /** `days`: a number, null for forever, or 'default' to follow OBSERVATION_RETENTION_DAYS again. */
  async set(datastreamId: number, days: number | null | 'default'): Promise<RetentionView> {
    await this.#mustExist(datastreamId);
    if (days === 'default') await clearDatastreamRetention(this.db, datastreamId);
    else await saveDatastreamRetention(this.db, datastreamId, days);
    return this.get(datastreamId);
  }

  /**
   * The retention job: drops the monthly partitions that end before the oldest instant any datastream
   * still needs. Returns the dropped partitions' names.
   */
  async enforce(now = new Date()): Promise<string[]> {
    const { datastreams, anyForever, longestDays } = await longestRetention(this.db, this.defaultDays);
    if (datastreams === 0 || anyForever || longestDays === null) return [];
    return dropObservationPartitionsBefore(this.db, new Date(now.getTime() - longestDays * DAY_MS));
  }

  async #mustExist(datastreamId: number): Promise<void> {
    if (!(await findDatastream(this.db, datastreamId)))
      throw new AppError(aggregatesErrors.DATASTREAM_NOT_FOUND, { id: datastreamId });
  }
}
