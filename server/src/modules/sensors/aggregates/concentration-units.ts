import type { VnAqiPollutant } from './vn-aqi';

// Molar masses (g/mol) for ppb → µg/m³ at 25 °C and 1 atm (molar volume 24.45 L), the conditions
// air-quality monitors report gas mixing ratios at.
const MOLAR_MASS: Partial<Record<VnAqiPollutant, number>> = { o3: 48.0, co: 28.01, no2: 46.01, so2: 64.07 };
const MOLAR_VOLUME = 24.45;

/**
 * The factor turning a datastream's unit into µg/m³ (the unit of the VN_AQI breakpoints), or null when
 * the unit is not one we can convert (the pollutant is then left out of the index).
 */
export function toMicrogramsPerCubicMetre(
  pollutant: VnAqiPollutant,
  unit: { readonly symbol?: unknown; readonly definition?: unknown } | null,
): number | null {
  const symbol = typeof unit?.symbol === 'string' ? unit.symbol.replace(/\s/g, '').toLowerCase() : '';
  const definition = typeof unit?.definition === 'string' ? unit.definition.toLowerCase() : '';
  const is = (...names: string[]) =>
    names.includes(symbol) || names.some((name) => definition.endsWith(name));
  if (is('µg/m³', 'μg/m³', 'µg/m3', 'μg/m3', 'ug/m3')) return 1;
  if (is('mg/m³', 'mg/m3')) return 1000;
  const molarMass = MOLAR_MASS[pollutant];
  if (molarMass === undefined) return null;
  if (is('ppb', '[ppb]')) return molarMass / MOLAR_VOLUME;
  if (is('ppm', '[ppm]')) return (1000 * molarMass) / MOLAR_VOLUME;
  return null;
}
