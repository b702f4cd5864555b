import { sampleKinds, type SampleQuantity } from '../sensors.demo-catalog';

export type ScenarioName = 'normal' | 'flood';

/**
 * A flood in simulated hours since the start: rain from about 0.25 h, heaviest around 1.5–3 h, over
 * by 4.5 h; rivers rise with a lag, peak around 3.5 h and recede by about 8 h. Low-lying gauges (the
 * larger station factor) rise most; every gauge crosses 1.5 m, the threshold of the demo alert rules,
 * for about two simulated hours around the peak.
 */
export const FLOOD = { rainStart: 0.25, rainPeak: 2.2, rainEnd: 4.5, levelPeak: 3.5, levelRise: 1.3 };

/**
 * Rivers on a normal day: tides twice a day between about 0.2 and 1.2 m, below the 1.5 m of the demo
 * alert rules, so that only the flood raises a water-level alert.
 */
export function normalWaterLevel(hour: number, station: number, noise: number): number {
  return (
    Math.round((0.5 + 0.4 * station + 0.3 * Math.sin((hour / 12.4) * 2 * Math.PI) + noise * 0.05) * 100) / 100
  );
}

const byKey = new Map<string, SampleQuantity>(
  sampleKinds.flatMap((kind) => kind.quantities.map((quantity) => [quantity.key, quantity] as const)),
);

/** The quantities the simulator knows (the demo's ObservedProperty names). */
export function knownQuantity(key: string): boolean {
  return byKey.has(key);
}

/** A station's fixed character in [0, 1), from its Thing id (the same every run). */
export function stationFactor(thingId: number): number {
  const x = Math.sin(thingId * 12.9898) * 43758.5453;
  return x - Math.floor(x);
}

/** Local hour (Asia/Ho_Chi_Minh, UTC+7) with minutes as a fraction. */
export function localHour(time: Date): number {
  return (time.getUTCHours() + 7 + time.getUTCMinutes() / 60) % 24;
}

const bump = (x: number) => Math.exp(-(x * x));

/** Rain intensity of the flood in [0, 1] at `hours` since the start. */
export function floodRain(hours: number): number {
  if (hours < FLOOD.rainStart || hours > FLOOD.rainEnd) return 0;
  return bump((hours - FLOOD.rainPeak) / 1.1);
}

/** How far the flood lifts a gauge (metres) at `hours` since the start. */
export function floodRise(hours: number, station: number): number {
  if (hours < FLOOD.rainStart) return 0;
  return (FLOOD.levelRise + 0.3 * station) * bump((hours - FLOOD.levelPeak) / 2);
}

export interface Moment {
  readonly scenario: ScenarioName;
  /** The simulated clock. */
  readonly time: Date;
  /** Simulated hours since the simulation started. */
  readonly hours: number;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * The simulated reading of `quantity` at a station: the demo's daily cycles (rush hours for dust and
 * traffic, daylight for ozone, tides for rivers), and in the flood scenario rain, rising water, dust
 * washed out and traffic slowed by the water. `noise` in [0, 1).
 */
export function reading(quantity: string, moment: Moment, station: number, noise: number): number {
  const known = byKey.get(quantity);
  if (!known) throw new Error(`no simulation for ${quantity}`);
  const hour = localHour(moment.time);
  const normal =
    quantity === 'waterLevel' ? normalWaterLevel(hour, station, noise) : known.value(hour, noise, station);
  if (moment.scenario === 'normal') return normal;
  const rain = floodRain(moment.hours);
  switch (quantity) {
    case 'precipitation':
      return round(rain * (14 + 8 * station) * (0.8 + 0.4 * noise), 1);
    case 'waterLevel':
      // Every gauge is above 1.5 m at the peak: at least 0.2 m + 1.3 m.
      return round(normal + floodRise(moment.hours, station), 2);
    case 'intensity':
      return Math.round(normal * (1 - 0.6 * Math.min(1, floodRise(moment.hours, station) / 1.2)));
    case 'pm25':
    case 'pm10':
      return round(normal * (1 - 0.5 * rain), 1);
    default:
      return normal;
  }
}
