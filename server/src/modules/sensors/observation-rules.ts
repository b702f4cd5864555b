/** The observation types of OGC O&M 2.0 that STA 1.1 names, and what a result of each must be. */
export const OBSERVATION_TYPES = {
  measurement: 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement',
  count: 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_CountObservation',
  truth: 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_TruthObservation',
  category: 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_CategoryObservation',
  any: 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Observation',
} as const;

export const knownObservationTypes: readonly string[] = Object.values(OBSERVATION_TYPES);

/** Why `result` does not fit `observationType`, or null when it does. */
export function resultProblem(observationType: string, result: unknown): string | null {
  if (result === undefined) return 'result is missing';
  if (typeof result === 'number' && !Number.isFinite(result)) return 'result is not a finite number';
  switch (observationType) {
    case OBSERVATION_TYPES.measurement:
      return typeof result === 'number' ? null : 'an OM_Measurement result must be a number';
    case OBSERVATION_TYPES.count:
      return Number.isInteger(result) ? null : 'an OM_CountObservation result must be an integer';
    case OBSERVATION_TYPES.truth:
      return typeof result === 'boolean' ? null : 'an OM_TruthObservation result must be true or false';
    case OBSERVATION_TYPES.category:
      return typeof result === 'string' ? null : 'an OM_CategoryObservation result must be a string (a URI)';
    default:
      return null;
  }
}

/**
 * Devices with a wrong clock send times far ahead; such rows are refused rather than stored where no
 * chart looks. A caller with forecasts may allow more.
 */
export const DEFAULT_MAX_FUTURE_MS = 24 * 3600 * 1000;
