import { api, type Page } from '../../lib/api';
import type { Role } from '../auth/roles';

/** The device types of the registry (server: sensors/devices/device.model.ts). */
export const deviceTypes = [
  'traffic_camera',
  'security_camera',
  'contributed_camera',
  'air_station',
  'water_level_gauge',
  'rain_gauge',
  'wifi_access_point',
] as const;
export type DeviceType = (typeof deviceTypes)[number];
export const cameraTypes = ['traffic_camera', 'security_camera', 'contributed_camera'] as const;
export const isCamera = (type: DeviceType) => (cameraTypes as readonly string[]).includes(type);

export const streamAccessLevels = ['public', 'operators', 'owner'] as const;
export type StreamAccess = (typeof streamAccessLevels)[number];
export const deviceStatuses = ['unknown', 'online', 'offline'] as const;
export type DeviceStatus = (typeof deviceStatuses)[number];
export const ownerKinds = ['city', 'citizen', 'business'] as const;
export type OwnerKind = (typeof ownerKinds)[number];

/** Who does what (mirrors the server's access rules, so pages and buttons match what the API allows). */
export const operatorRoles: readonly Role[] = [
  'system_admin',
  'call_center_operator',
  'agency_admin',
  'officer',
];
export const staffRoles: readonly Role[] = [...operatorRoles, 'viewer'];
export const deviceManagerRoles: readonly Role[] = ['system_admin', 'agency_admin', 'officer'];
export const ruleManagerRoles: readonly Role[] = ['system_admin', 'agency_admin', 'officer'];
export const staWriterRoles: readonly Role[] = ['system_admin', 'data_publisher'];

export interface LatLon {
  readonly latitude: number;
  readonly longitude: number;
}

export interface Device {
  readonly id: string;
  readonly type: DeviceType;
  readonly name: string;
  readonly code: string | null;
  readonly adminUnitCode: string | null;
  readonly location: LatLon | null;
  readonly address: string | null;
  readonly status: DeviceStatus;
  readonly lastSeenAt: string | null;
  readonly statusChangedAt: string | null;
  readonly streamAccess: StreamAccess;
  readonly streamUrl: string | null;
  readonly streamRestricted: boolean;
  readonly ownerKind: OwnerKind;
  readonly isSample: boolean;
  readonly updatedAt: string;
  readonly agencyId?: string | null;
  readonly ownerName?: string | null;
  readonly consentAt?: string | null;
  readonly consentReference?: string | null;
  readonly thingId?: number | null;
  readonly monitored?: boolean;
  readonly heartbeatIntervalSeconds?: number;
  readonly hasToken?: boolean;
  readonly note?: string | null;
}

export interface DeviceInput {
  readonly type?: DeviceType;
  readonly name?: string;
  readonly code?: string | null;
  readonly adminUnitCode?: string | null;
  readonly location?: LatLon | null;
  readonly address?: string | null;
  readonly streamUrl?: string | null;
  readonly streamAccess?: StreamAccess;
  readonly ownerKind?: OwnerKind;
  readonly ownerName?: string | null;
  readonly consentAt?: string | null;
  readonly consentReference?: string | null;
  readonly thingId?: number | null;
  readonly monitored?: boolean;
  readonly heartbeatIntervalSeconds?: number;
  readonly note?: string | null;
}

export interface DeviceWithToken {
  readonly device: Device;
  readonly token: string;
}

export interface DeviceListQuery {
  readonly type?: DeviceType | undefined;
  readonly status?: DeviceStatus | undefined;
  readonly q?: string | undefined;
  readonly limit: number;
  readonly offset: number;
}

const SENSORS = '/api/v1/sensors';

export const devicesKey = ['sensors', 'devices'] as const;

export function listDevices(query: DeviceListQuery): Promise<Page<Device>> {
  return api(`${SENSORS}/devices`, { query: { ...query } });
}

export function createDevice(input: DeviceInput): Promise<DeviceWithToken> {
  return api(`${SENSORS}/devices`, { method: 'POST', body: input });
}

export function updateDevice(id: string, input: DeviceInput): Promise<Device> {
  return api(`${SENSORS}/devices/${id}`, { method: 'PATCH', body: input });
}

export function deleteDevice(id: string): Promise<void> {
  return api(`${SENSORS}/devices/${id}`, { method: 'DELETE' });
}

export function rotateDeviceToken(id: string): Promise<DeviceWithToken> {
  return api(`${SENSORS}/devices/${id}/token`, { method: 'POST' });
}

// Alert rules (alerts/alert-rules.schema.ts).
export const alertOperators = [
  'GT',
  'GTE',
  'LT',
  'LTE',
  'EQ',
  'CHANGE',
  'CHANGE_DELTA',
  'FROZEN',
  'DEVICE_OFFLINE',
] as const;
export type AlertOperator = (typeof alertOperators)[number];
export const thresholdOperators: readonly AlertOperator[] = ['GT', 'GTE', 'LT', 'LTE', 'EQ', 'CHANGE_DELTA'];
export const windowOperators: readonly AlertOperator[] = ['CHANGE_DELTA', 'FROZEN'];
export const alertSeverities = ['info', 'warning', 'critical'] as const;
export type AlertSeverity = (typeof alertSeverities)[number];

export interface AlertRule {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly operator: AlertOperator;
  readonly datastreamId: number | null;
  readonly observedPropertyId: number | null;
  readonly deviceType: DeviceType | null;
  readonly threshold: number | null;
  readonly clearThreshold: number | null;
  readonly windowMinutes: number | null;
  readonly minDurationSeconds: number;
  readonly severity: AlertSeverity;
  readonly active: boolean;
  readonly agencyId: string | null;
  readonly isSample: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export type AlertRuleInput = Partial<Omit<AlertRule, 'id' | 'isSample' | 'createdAt' | 'updatedAt'>>;

export const alertRulesKey = ['sensors', 'alert-rules'] as const;

export function listAlertRules(query: { limit: number; offset: number }): Promise<Page<AlertRule>> {
  return api(`${SENSORS}/alert-rules`, { query });
}

export function createAlertRule(input: AlertRuleInput): Promise<AlertRule> {
  return api(`${SENSORS}/alert-rules`, { method: 'POST', body: input });
}

export function updateAlertRule(id: string, input: AlertRuleInput): Promise<AlertRule> {
  return api(`${SENSORS}/alert-rules/${id}`, { method: 'PATCH', body: input });
}

export function deleteAlertRule(id: string): Promise<void> {
  return api(`${SENSORS}/alert-rules/${id}`, { method: 'DELETE' });
}

// Incidents (alerts/incidents.schema.ts).
export const incidentStatuses = ['open', 'acknowledged', 'resolved'] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];

export interface Incident {
  readonly id: string;
  readonly ruleId: string | null;
  readonly ruleName: string;
  readonly operator: AlertOperator;
  readonly severity: AlertSeverity;
  readonly status: IncidentStatus;
  readonly datastreamId: number | null;
  readonly deviceId: string | null;
  readonly subjectName: string;
  readonly location: LatLon | null;
  readonly adminUnitCode: string | null;
  readonly agencyId: string | null;
  readonly alertActive: boolean;
  readonly raiseCount: number;
  readonly lastValue: unknown;
  readonly openedAt: string;
  readonly acknowledgedAt: string | null;
  readonly resolvedAt: string | null;
  readonly isSample: boolean;
  readonly updatedAt: string;
}

export interface IncidentEvent {
  readonly id: number;
  readonly kind:
    'opened' | 'raised_again' | 'alert_cleared' | 'acknowledged' | 'assigned' | 'commented' | 'resolved';
  readonly actorId: string | null;
  readonly actorLabel: string;
  readonly note: string | null;
  readonly details: Record<string, unknown>;
  readonly occurredAt: string;
}

export interface IncidentWithHistory extends Incident {
  readonly history: IncidentEvent[];
}

export const incidentsKey = ['sensors', 'incidents'] as const;

/** Incidents, newest first; `status` repeats in the query string (?status=open&status=acknowledged). */
export function listIncidents(query: {
  readonly status?: readonly IncidentStatus[];
  readonly severity?: AlertSeverity | undefined;
  readonly limit: number;
  readonly offset: number;
}): Promise<Page<Incident>> {
  const params = new URLSearchParams();
  for (const status of query.status ?? []) params.append('status', status);
  if (query.severity) params.set('severity', query.severity);
  params.set('limit', String(query.limit));
  params.set('offset', String(query.offset));
  return api(`${SENSORS}/incidents?${params.toString()}`);
}

export function getIncident(id: string): Promise<IncidentWithHistory> {
  return api(`${SENSORS}/incidents/${id}`);
}

export type IncidentAction =
  | { readonly kind: 'acknowledge'; readonly note?: string }
  | { readonly kind: 'resolve'; readonly note?: string }
  | { readonly kind: 'assign'; readonly agencyId: string; readonly note?: string }
  | { readonly kind: 'comment'; readonly text: string };

export function applyIncidentAction(id: string, action: IncidentAction): Promise<IncidentWithHistory> {
  const { kind, ...body } = action;
  const path = kind === 'comment' ? 'comments' : kind;
  return api(`${SENSORS}/incidents/${id}/${path}`, { method: 'POST', body });
}

/** A value shown to people: numbers in the page's locale, anything else as JSON text. */
export function formatResult(value: unknown, locale: string): string {
  if (typeof value === 'number')
    return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 2 }).format(
      value,
    );
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
