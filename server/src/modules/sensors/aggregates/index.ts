/**
 * Aggregates, VN_AQI and retention inside the sensors module (not a module door: sensors/index.ts is).
 * @packageDocumentation
 */
export { aggregatesPart, type AggregatesPart, type AggregatesPlatform } from './aggregates-part';
export { hourlyVnAqi, nowcast, pollutantIndex, vnAqiBand, VN_AQI_BANDS } from './vn-aqi';
