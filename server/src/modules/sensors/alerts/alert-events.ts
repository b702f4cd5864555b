import type { AlertOperator, AlertSeverity } from './alert-rule.model';

/** Outbox events of alerts; payloads `AlertRaisedEvent` and `AlertClearedEvent` (docs/sensors.md). */
export const alertEventTypes = {
  raised: 'sensors.alert.raised',
  cleared: 'sensors.alert.cleared',
  incidentUpdated: 'sensors.incident.updated',
} as const;

/**
 * A rule's condition started to hold for a subject (a datastream, or a device for DEVICE_OFFLINE).
 * Stable for consumers such as the coming citizen flood alerts: fields are only ever added.
 */
export interface AlertRaisedEvent extends Record<string, unknown> {
  readonly incidentId: string;
  /** True when the raise attached to an incident still unresolved from an earlier raise. */
  readonly reraised: boolean;
  readonly ruleId: string;
  readonly ruleName: string;
  readonly operator: AlertOperator;
  readonly severity: AlertSeverity;
  readonly threshold: number | null;
  readonly datastreamId: number | null;
  readonly deviceId: string | null;
  readonly subjectName: string;
  /** ObservedProperty name (Smart Data Models: waterLevel, pm25, …) and unit symbol, for datastreams. */
  readonly observedProperty: string | null;
  readonly unit: string | null;
  /** The result that raised (null for FROZEN and DEVICE_OFFLINE). */
  readonly value: unknown;
  /** When the observation was made (FROZEN: the last one; DEVICE_OFFLINE: null). */
  readonly phenomenonTime: string | null;
  readonly raisedAt: string;
  readonly location: { readonly latitude: number; readonly longitude: number } | null;
  readonly adminUnitCode: string | null;
  readonly agencyId: string | null;
  readonly isSample: boolean;
}

export interface AlertClearedEvent extends Record<string, unknown> {
  readonly incidentId: string | null;
  readonly ruleId: string;
  readonly severity: AlertSeverity;
  readonly datastreamId: number | null;
  readonly deviceId: string | null;
  readonly value: unknown;
  readonly clearedAt: string;
}

/**
 * An operator moved an incident on (acknowledged, assigned, commented, resolved), so every IOC wall
 * and console showing it can refresh; the history itself is at GET /api/v1/sensors/incidents/{id}.
 */
export interface IncidentUpdatedEvent extends Record<string, unknown> {
  readonly incidentId: string;
  readonly action: 'acknowledged' | 'assigned' | 'commented' | 'resolved';
  /** The status after the step. */
  readonly status: string;
  readonly agencyId: string | null;
  readonly at: string;
}
