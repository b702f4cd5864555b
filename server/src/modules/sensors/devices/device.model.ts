/** The kinds of device the IOC registers. Cameras carry a stream; the others report through SensorThings. */
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

export const cameraTypes: readonly DeviceType[] = ['traffic_camera', 'security_camera', 'contributed_camera'];

export function isCamera(type: DeviceType): boolean {
  return cameraTypes.includes(type);
}

/** Who may see a camera's stream URL, from the widest audience to the narrowest. */
export const streamAccessLevels = ['public', 'operators', 'owner'] as const;
export type StreamAccess = (typeof streamAccessLevels)[number];

export const deviceStatuses = ['unknown', 'online', 'offline'] as const;
export type DeviceStatus = (typeof deviceStatuses)[number];

export const ownerKinds = ['city', 'citizen', 'business'] as const;
export type OwnerKind = (typeof ownerKinds)[number];

export interface LatLon {
  readonly latitude: number;
  readonly longitude: number;
}

/** What an operator sets on a device. */
export interface DeviceFields {
  readonly type: DeviceType;
  readonly name: string;
  readonly code: string | null;
  readonly agencyId: string | null;
  readonly adminUnitCode: string | null;
  readonly location: LatLon | null;
  readonly address: string | null;
  readonly streamUrl: string | null;
  readonly streamAccess: StreamAccess;
  readonly ownerKind: OwnerKind;
  readonly ownerName: string | null;
  readonly ownerUserId: string | null;
  readonly consentAt: string | null;
  readonly consentReference: string | null;
  readonly thingId: number | null;
  readonly monitored: boolean;
  readonly heartbeatIntervalSeconds: number;
  readonly note: string | null;
}

/** A registered device with its heartbeat state. */
export interface Device extends DeviceFields {
  readonly id: string;
  readonly hasToken: boolean;
  readonly lastSeenAt: Date | null;
  readonly heartbeatStreak: number;
  readonly status: DeviceStatus;
  readonly statusChangedAt: Date | null;
  readonly isSample: boolean;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}
