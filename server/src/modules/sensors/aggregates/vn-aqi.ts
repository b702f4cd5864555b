/**
 * The Vietnamese air quality index, hourly (AQI giờ), as defined by Quyết định 1459/QĐ-TCMT of
 * 12 November 2019 of the Vietnam Environment Administration (Tổng cục Môi trường), "Hướng dẫn kỹ thuật
 * tính toán và công bố chỉ số chất lượng không khí Việt Nam (VN_AQI)":
 * https://vea.mae.gov.vn/Data/files/QD%201459%20TCMT%20ngay%2012_11_2019%20AQI(1).pdf
 * (colour bands also published at https://cem.gov.vn/tin-tuc-moi-truong/tong-cuc-moi-truong-ban-hanh-huong-dan-ky-thuat-tinh-toan-va-cong-bo-chi-so-chat-luong-khong-khi-viet-nam).
 * Pure functions: concentrations in µg/m³ in, index out.
 */

export const vnAqiPollutants = ['pm25', 'pm10', 'o3', 'co', 'no2', 'so2'] as const;
export type VnAqiPollutant = (typeof vnAqiPollutants)[number];

/** The index levels Ii of Bảng 2 (section 2.2.1.b). */
const INDEX_LEVELS = [0, 50, 100, 150, 200, 300, 400, 500] as const;

/**
 * Bảng 2: breakpoints BPi in µg/m³ for each level Ii; the last column is "≥" (the index stops at 500).
 * O3 uses its 1-hour column for the hourly index.
 */
export const VN_AQI_BREAKPOINTS: Readonly<Record<VnAqiPollutant, readonly number[]>> = {
  o3: [0, 160, 200, 300, 400, 800, 1000, 1200],
  co: [0, 10_000, 30_000, 45_000, 60_000, 90_000, 120_000, 150_000],
  so2: [0, 125, 350, 550, 800, 1600, 2100, 2630],
  no2: [0, 100, 200, 700, 1200, 2350, 3100, 3850],
  pm10: [0, 50, 150, 250, 350, 420, 500, 600],
  pm25: [0, 25, 50, 80, 150, 250, 350, 500],
};

export interface VnAqiBand {
  readonly key: 'good' | 'moderate' | 'poor' | 'bad' | 'very_bad' | 'hazardous';
  readonly min: number;
  readonly max: number;
  readonly vi: string;
  readonly en: string;
  /** Bảng 1's RGB code, and the same as #rrggbb for maps. */
  readonly rgb: readonly [number, number, number];
  readonly hex: string;
}

/** Bảng 1 (section 1.4): six bands, their Vietnamese names and colours. */
export const VN_AQI_BANDS: readonly VnAqiBand[] = [
  { key: 'good', min: 0, max: 50, vi: 'Tốt', en: 'Good', rgb: [0, 228, 0], hex: '#00e400' },
  {
    key: 'moderate',
    min: 51,
    max: 100,
    vi: 'Trung bình',
    en: 'Moderate',
    rgb: [255, 255, 0],
    hex: '#ffff00',
  },
  { key: 'poor', min: 101, max: 150, vi: 'Kém', en: 'Poor', rgb: [255, 126, 0], hex: '#ff7e00' },
  { key: 'bad', min: 151, max: 200, vi: 'Xấu', en: 'Bad', rgb: [255, 0, 0], hex: '#ff0000' },
  { key: 'very_bad', min: 201, max: 300, vi: 'Rất xấu', en: 'Very bad', rgb: [143, 63, 151], hex: '#8f3f97' },
  {
    key: 'hazardous',
    min: 301,
    max: 500,
    vi: 'Nguy hại',
    en: 'Hazardous',
    rgb: [126, 0, 35],
    hex: '#7e0023',
  },
];

/** The band of a (rounded) index value. */
export function vnAqiBand(aqi: number): VnAqiBand {
  const rounded = Math.max(0, Math.round(aqi));
  return VN_AQI_BANDS.find((band) => rounded <= band.max) ?? (VN_AQI_BANDS.at(-1) as VnAqiBand);
}

/**
 * Công thức 1/2: linear interpolation inside the breakpoint segment holding `concentration`. Not
 * rounded (the decision rounds only the station's index). Beyond the last breakpoint the index is 500.
 */
export function pollutantIndex(pollutant: VnAqiPollutant, concentration: number): number {
  const breakpoints = VN_AQI_BREAKPOINTS[pollutant];
  if (!Number.isFinite(concentration) || concentration <= 0) return 0;
  for (let level = 1; level < breakpoints.length; level += 1) {
    const upper = breakpoints[level] as number;
    if (concentration <= upper) {
      const lower = breakpoints[level - 1] as number;
      const indexLower = INDEX_LEVELS[level - 1] as number;
      const indexUpper = INDEX_LEVELS[level] as number;
      return ((indexUpper - indexLower) / (upper - lower)) * (concentration - lower) + indexLower;
    }
  }
  return 500;
}

/**
 * Section 2.2.1.a: the NowCast of PM2.5/PM10 from the last 12 hourly averages, newest first
 * (`hourly[0]` is the current hour c1; null = no data). Null when fewer than two of c1..c3 have data.
 * The weight w = max(Cmin/Cmax, 1/2) and a missing hour weighs 0. The decision writes the w = 1/2 case
 * as Σ (1/2)^i·ci without dividing by the weights; we use the normalised form for both cases (the
 * same up to a factor 1 − 2⁻¹², and correct when hours are missing).
 */
export function nowcast(hourly: readonly (number | null)[]): number | null {
  const values = hourly.slice(0, 12);
  const recent = values.slice(0, 3).filter((value) => value !== null && value !== undefined);
  if (recent.length < 2) return null;
  const present = values.filter((value): value is number => value !== null && value !== undefined);
  const max = Math.max(...present);
  if (max <= 0) return 0;
  const ratio = Math.min(...present) / max;
  const weight = ratio <= 0.5 ? 0.5 : ratio;
  let weighted = 0;
  let weights = 0;
  values.forEach((value, index) => {
    if (value === null || value === undefined) return;
    weighted += weight ** index * value;
    weights += weight ** index;
  });
  return weighted / weights;
}

/** What the hourly index is computed from: gases as the current 1-hour average, PM as 12 hours. */
export interface HourlyAqiInput {
  /** Newest first, up to 12 hourly averages (µg/m³); null where an hour has no data. */
  readonly pm25?: readonly (number | null)[];
  readonly pm10?: readonly (number | null)[];
  /** The current hour's average (µg/m³). */
  readonly o3?: number | null;
  readonly co?: number | null;
  readonly no2?: number | null;
  readonly so2?: number | null;
}

export interface HourlyAqi {
  /** The station's index, rounded to a whole number (section 2.2.1.c); null without PM2.5 or PM10. */
  readonly aqi: number | null;
  readonly band: VnAqiBand | null;
  /** The pollutant with the highest index (the one a bulletin must name). */
  readonly dominant: VnAqiPollutant | null;
  /** Each pollutant's index (unrounded) and the concentration it came from (NowCast for PM). */
  readonly pollutants: Partial<
    Record<VnAqiPollutant, { readonly index: number; readonly concentration: number }>
  >;
}

/**
 * The hourly VN_AQI of one station: the largest pollutant index, rounded. Section 2.1.b requires at
 * least one of PM2.5 and PM10, so without either the station has no index (null).
 */
export function hourlyVnAqi(input: HourlyAqiInput): HourlyAqi {
  const concentrations: Partial<Record<VnAqiPollutant, number>> = {};
  for (const pm of ['pm25', 'pm10'] as const) {
    const value = input[pm] ? nowcast(input[pm]) : null;
    if (value !== null) concentrations[pm] = value;
  }
  for (const gas of ['o3', 'co', 'no2', 'so2'] as const) {
    const value = input[gas];
    if (value !== null && value !== undefined && Number.isFinite(value)) concentrations[gas] = value;
  }
  const pollutants: HourlyAqi['pollutants'] = Object.fromEntries(
    Object.entries(concentrations).map(([pollutant, concentration]) => [
      pollutant,
      { index: pollutantIndex(pollutant as VnAqiPollutant, concentration), concentration },
    ]),
  );
  if (concentrations.pm25 === undefined && concentrations.pm10 === undefined)
    return { aqi: null, band: null, dominant: null, pollutants };
  let dominant: VnAqiPollutant | null = null;
  let highest = -1;
  for (const [pollutant, value] of Object.entries(pollutants)) {
    if (value.index > highest) {
      highest = value.index;
      dominant = pollutant as VnAqiPollutant;
    }
  }
  const aqi = Math.round(highest);
  return { aqi, band: vnAqiBand(aqi), dominant, pollutants };
}
