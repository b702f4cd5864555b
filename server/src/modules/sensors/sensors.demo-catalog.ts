import { OBSERVATION_TYPES } from './observation-rules';

/** What a sample station measures: an ObservedProperty (Smart Data Models name) and how values move. */
export interface SampleQuantity {
  /** The Smart Data Models attribute name (AirQualityObserved, WaterObserved, TrafficFlowObserved). */
  readonly key: string;
  readonly label: string;
  readonly definition: string;
  readonly unit: { readonly name: string; readonly symbol: string; readonly definition: string };
  readonly observationType: string;
  /** A plausible value at `hour` (0–23, local time) given a station-specific random in [0, 1). */
  value(hour: number, noise: number, station: number): number;
}

export interface SampleKind {
  readonly key: 'airQuality' | 'waterLevel' | 'rainfall' | 'traffic';
  readonly count: number;
  readonly thingName: string;
  readonly sdmType: string;
  readonly sensor: { readonly name: string; readonly description: string };
  readonly quantities: readonly SampleQuantity[];
}

const UCUM = 'https://ucum.org/ucum#';
const microgramsPerCubicMetre = {
  name: 'microgram per cubic metre',
  symbol: 'µg/m³',
  definition: `${UCUM}ug/m3`,
};

// Rush hours in Vietnamese cities: about 7h and 17h.
const rush = (hour: number) => Math.exp(-((hour - 7.5) ** 2) / 3) + Math.exp(-((hour - 17.5) ** 2) / 3);
const daylight = (hour: number) => Math.max(0, Math.sin(((hour - 6) / 12) * Math.PI));

function airQuantity(
  key: string,
  label: string,
  base: number,
  swing: number,
  peak: (h: number) => number,
): SampleQuantity {
  return {
    key,
    label,
    definition: `https://smartdatamodels.org/dataModel.Environment/${key}`,
    unit: microgramsPerCubicMetre,
    observationType: OBSERVATION_TYPES.measurement,
    value: (hour, noise, station) =>
      Math.round((base * (0.8 + station * 0.4) + swing * peak(hour) + noise * swing * 0.3) * 10) / 10,
  };
}

/** The kinds of sample stations loaded into a fresh install (all labelled as samples). */
export const sampleKinds: readonly SampleKind[] = [
  {
    key: 'airQuality',
    count: 8,
    thingName: 'Trạm quan trắc không khí',
    sdmType: 'AirQualityObserved',
    sensor: {
      name: 'Thiết bị đo bụi và khí (mẫu)',
      description: 'Cảm biến bụi PM2.5/PM10 và khí O3, CO, NO2, SO2',
    },
    quantities: [
      airQuantity('pm25', 'Bụi mịn PM2.5', 18, 20, rush),
      airQuantity('pm10', 'Bụi PM10', 30, 30, rush),
      airQuantity('o3', 'Ozon (O3)', 40, 70, daylight),
      airQuantity('co', 'Cacbon monoxit (CO)', 600, 700, rush),
      airQuantity('no2', 'Nitơ đioxit (NO2)', 15, 35, rush),
      airQuantity('so2', 'Lưu huỳnh đioxit (SO2)', 6, 10, rush),
    ],
  },
  {
    key: 'waterLevel',
    count: 8,
    thingName: 'Trạm đo mực nước',
    sdmType: 'WaterObserved',
    sensor: { name: 'Cảm biến mực nước radar (mẫu)', description: 'Đo mực nước sông, kênh bằng radar' },
    quantities: [
      {
        key: 'waterLevel',
        label: 'Mực nước',
        definition: 'https://smartdatamodels.org/dataModel.Environment/waterLevel',
        unit: { name: 'metre', symbol: 'm', definition: `${UCUM}m` },
        observationType: OBSERVATION_TYPES.measurement,
        // Tidal rivers near the coast: two highs a day.
        value: (hour, noise, station) =>
          Math.round((0.6 + station + 0.4 * Math.sin((hour / 12.4) * 2 * Math.PI) + noise * 0.05) * 100) /
          100,
      },
    ],
  },
  {
    key: 'rainfall',
    count: 8,
    thingName: 'Trạm đo mưa',
    sdmType: 'WeatherObserved',
    sensor: { name: 'Máy đo mưa kiểu gầu lật (mẫu)', description: 'Đo lượng mưa theo từng 15 phút' },
    quantities: [
      {
        key: 'precipitation',
        label: 'Lượng mưa 15 phút',
        definition: 'https://smartdatamodels.org/dataModel.Weather/precipitation',
        unit: { name: 'millimetre', symbol: 'mm', definition: `${UCUM}mm` },
        observationType: OBSERVATION_TYPES.measurement,
        value: (hour, noise) => (hour >= 14 && hour <= 17 && noise > 0.4 ? Math.round(noise * 60) / 10 : 0),
      },
    ],
  },
  {
    key: 'traffic',
    count: 10,
    thingName: 'Bộ đếm lưu lượng xe',
    sdmType: 'TrafficFlowObserved',
    sensor: {
      name: 'Bộ đếm xe bằng camera (mẫu)',
      description: 'Đếm số phương tiện qua mặt cắt mỗi 15 phút',
    },
    quantities: [
      {
        key: 'intensity',
        label: 'Lưu lượng xe 15 phút',
        definition: 'https://smartdatamodels.org/dataModel.Transportation/intensity',
        unit: { name: 'vehicles per 15 minutes', symbol: 'xe/15 phút', definition: `${UCUM}{vehicle}` },
        observationType: OBSERVATION_TYPES.count,
        value: (hour, noise, station) =>
          Math.round((40 + 500 * rush(hour) + 150 * daylight(hour)) * (0.6 + station * 0.8) + noise * 30),
      },
    ],
  },
];

/** Former district names, used only to spread the samples (the stations are not real). */
export const sampleAreas = [
  'Hải Châu',
  'Thanh Khê',
  'Sơn Trà',
  'Ngũ Hành Sơn',
  'Liên Chiểu',
  'Cẩm Lệ',
  'Hòa Vang',
];
