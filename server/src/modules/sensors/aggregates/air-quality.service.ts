import type { Kysely } from 'kysely';
import { pollutantStreams, type PollutantStream } from './air-quality.repo';
import type { AggregatesService } from './aggregates.service';
import { toMicrogramsPerCubicMetre } from './concentration-units';
import { hourOf } from './rollup.repo';
import { hourlyVnAqi, type HourlyAqi, type HourlyAqiInput, type VnAqiPollutant } from './vn-aqi';

const HOUR_MS = 3600_000;
/** The NowCast of PM reads 12 hourly averages. */
const NOWCAST_HOURS = 12;

export interface StationAqi extends HourlyAqi {
  readonly thingId: number;
  readonly name: string;
  readonly location: { readonly lat: number; readonly lon: number } | null;
  /** The hour the index is for (its start): the hour of the station's newest observation. */
  readonly hour: Date | null;
  readonly datastreams: Partial<Record<VnAqiPollutant, number>>;
}

/** The current hourly VN_AQI of every air station (a Thing measuring PM2.5 or PM10 or the gases). */
export class AirQualityService {
  constructor(
    private readonly db: Kysely<unknown>,
    private readonly aggregates: AggregatesService,
  ) {}

  async currentAqi(): Promise<StationAqi[]> {
    const streams = await pollutantStreams(this.db);
    const stations = new Map<number, PollutantStream[]>();
    for (const stream of streams)
      stations.set(stream.thingId, [...(stations.get(stream.thingId) ?? []), stream]);
    return Promise.all([...stations.values()].map((station) => this.#station(station)));
  }

  async #station(streams: readonly PollutantStream[]): Promise<StationAqi> {
    const first = streams[0] as PollutantStream;
    const newest = Math.max(...streams.map((stream) => stream.latestAt?.getTime() ?? -Infinity));
    const hour = Number.isFinite(newest) ? hourOf(new Date(newest)) : null;
    const location =
      first.latitude !== null && first.longitude !== null
        ? { lat: first.latitude, lon: first.longitude }
        : null;
    const datastreams = Object.fromEntries(streams.map((stream) => [stream.pollutant, stream.datastreamId]));
    const base = { thingId: first.thingId, name: first.thingName, location, hour, datastreams };
    if (!hour) return { ...base, ...hourlyVnAqi({}) };
    const from = new Date(hour.getTime() - (NOWCAST_HOURS - 1) * HOUR_MS);
    const to = new Date(hour.getTime() + HOUR_MS);
    const averages = await this.aggregates.hourlyAverages(
      streams.map((stream) => stream.datastreamId),
      from,
      to,
    );
    const input: Record<string, unknown> = {};
    for (const stream of streams) {
      const factor = toMicrogramsPerCubicMetre(stream.pollutant, stream.unit);
      const byHour = averages.get(stream.datastreamId);
      if (factor === null || !byHour) continue;
      // Newest first: c1 is the station's hour, c12 eleven hours before.
      const series = Array.from({ length: NOWCAST_HOURS }, (_, index) => {
        const value = byHour.get(hour.getTime() - index * HOUR_MS);
        return value === undefined ? null : value * factor;
      });
      input[stream.pollutant] =
        stream.pollutant === 'pm25' || stream.pollutant === 'pm10' ? series : series[0];
    }
    return { ...base, ...hourlyVnAqi(input as HourlyAqiInput) };
  }
}
