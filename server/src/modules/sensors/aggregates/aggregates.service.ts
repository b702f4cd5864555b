import type { Kysely } from 'kysely';
import { AppError } from '../../../platform/http/app-error';
import {
  aggregateWindow,
  type AggregateFunction,
  type AggregateInterval,
  type AggregateWindow,
} from './aggregate-window';
import { aggregatesErrors } from './aggregates.errors';
import {
  aggregateBuckets,
  datastreamsOfArea,
  findDatastream,
  rollupWatermark,
  type AggregateBucket,
  type DatastreamSummary,
} from './aggregates.repo';

/** More datastreams than this in one area answer 422 rather than a slow scan. */
const MAX_AREA_DATASTREAMS = 2000;

export interface AggregateRequest {
  readonly interval: AggregateInterval;
  readonly fn: AggregateFunction;
  readonly from: string;
  readonly to: string;
}

export interface AggregateResult {
  readonly window: AggregateWindow;
  readonly fn: AggregateFunction;
  readonly datastreams: readonly DatastreamSummary[];
  readonly points: readonly { readonly start: Date; readonly value: number; readonly count: number }[];
}

function valueOf(fn: AggregateFunction, bucket: AggregateBucket): number {
  switch (fn) {
    case 'avg':
      return bucket.sum / bucket.count;
    case 'sum':
      return bucket.sum;
    case 'count':
      return bucket.count;
    case 'min':
      return bucket.min;
    case 'max':
      return bucket.max;
  }
}

/** Aggregates over time, from hourly rollups where they exist and raw partitions elsewhere. */
export class AggregatesService {
  constructor(private readonly db: Kysely<unknown>) {}

  async ofDatastream(datastreamId: number, request: AggregateRequest): Promise<AggregateResult> {
    const window = this.#window(request);
    const datastream = await findDatastream(this.db, datastreamId);
    if (!datastream) throw new AppError(aggregatesErrors.DATASTREAM_NOT_FOUND, { id: datastreamId });
    return this.#aggregate([datastream], window, request.fn);
  }

  async ofArea(
    area: { readonly observedProperty: string; readonly adminUnit?: string },
    request: AggregateRequest,
  ): Promise<AggregateResult> {
    const window = this.#window(request);
    const datastreams = await datastreamsOfArea(
      this.db,
      area.observedProperty,
      area.adminUnit,
      MAX_AREA_DATASTREAMS + 1,
    );
    if (datastreams.length > MAX_AREA_DATASTREAMS)
      throw new AppError(aggregatesErrors.AREA_TOO_LARGE, {}, { count: `> ${MAX_AREA_DATASTREAMS}` });
    return this.#aggregate(datastreams, window, request.fn);
  }

  /** Hourly averages of several datastreams over [from, to) (for the AQI), keyed by datastream. */
  async hourlyAverages(
    datastreamIds: readonly number[],
    from: Date,
    to: Date,
  ): Promise<Map<number, Map<number, number>>> {
    const watermark = await rollupWatermark(this.db);
    const byStream = new Map<number, Map<number, number>>();
    await Promise.all(
      datastreamIds.map(async (id) => {
        const buckets = await aggregateBuckets(this.db, [id], { interval: '1h', from, to }, watermark);
        byStream.set(id, new Map(buckets.map((b) => [b.start.getTime(), b.sum / b.count])));
      }),
    );
    return byStream;
  }

  #window(request: AggregateRequest): AggregateWindow {
    const outcome = aggregateWindow(request.interval, new Date(request.from), new Date(request.to));
    if ('problem' in outcome)
      throw new AppError(aggregatesErrors.AGGREGATE_RANGE_INVALID, {}, { problem: outcome.problem });
    return outcome.window;
  }

  async #aggregate(
    datastreams: readonly DatastreamSummary[],
    window: AggregateWindow,
    fn: AggregateFunction,
  ): Promise<AggregateResult> {
    const watermark = await rollupWatermark(this.db);
    const buckets = await aggregateBuckets(
      this.db,
      datastreams.map((d) => d.id),
      window,
      watermark,
    );
    const points = buckets.map((bucket) => ({
      start: bucket.start,
      value: valueOf(fn, bucket),
      count: bucket.count,
    }));
    return { window, fn, datastreams, points };
  }
}
