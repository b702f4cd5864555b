import { Type } from 'typebox';
import { IsoDateTime, PageQuery, StringEnum, Uuid } from '../../../platform/http/schemas';
import { deviceStatuses, deviceTypes, ownerKinds, streamAccessLevels } from './device.model';

const Location = Type.Object(
  {
    latitude: Type.Number({ minimum: -90, maximum: 90 }),
    longitude: Type.Number({ minimum: -180, maximum: 180 }),
  },
  { additionalProperties: false },
);

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const DeviceType = StringEnum(deviceTypes, {
  description: 'traffic/security/contributed cameras, air stations, water-level and rain gauges, wifi APs',
});
const StreamAccess = StringEnum(streamAccessLevels, {
  description: 'Who sees the stream URL: anyone, IOC operators, or only the owner account',
});
const DeviceStatus = StringEnum(deviceStatuses);

const editable = {
  type: DeviceType,
  name: Type.String({ minLength: 1, maxLength: 200 }),
  code: nullable(Type.String({ minLength: 1, maxLength: 100, description: 'Asset code' })),
  agencyId: nullable(Uuid),
  adminUnitCode: nullable(Type.String({ maxLength: 20 })),
  location: nullable(Location),
  address: nullable(Type.String({ maxLength: 500 })),
  streamUrl: nullable(
    Type.String({
      maxLength: 2000,
      pattern: '^(rtsp|rtsps|rtmp|rtmps|srt|https?)://',
      description: 'Cameras only',
    }),
  ),
  streamAccess: StreamAccess,
  ownerKind: StringEnum(ownerKinds),
  ownerName: nullable(Type.String({ minLength: 1, maxLength: 200 })),
  ownerUserId: nullable(Uuid),
  consentAt: nullable(IsoDateTime),
  consentReference: nullable(Type.String({ maxLength: 200 })),
  thingId: nullable(Type.Integer({ minimum: 1, description: 'SensorThings Thing id' })),
  monitored: Type.Boolean({ description: 'Judge online/offline from heartbeats' }),
  heartbeatIntervalSeconds: Type.Integer({ minimum: 5, maximum: 86400 }),
  note: nullable(Type.String({ maxLength: 2000 })),
};

/**
 * One device. Everyone sees the public part; staff also see the fields marked "staff". `streamUrl` is
 * null when there is none or the caller may not see it (`streamRestricted` tells which).
 */
export const DeviceSchema = Type.Object({
  id: Uuid,
  type: DeviceType,
  name: editable.name,
  code: editable.code,
  adminUnitCode: editable.adminUnitCode,
  location: editable.location,
  address: editable.address,
  status: DeviceStatus,
  lastSeenAt: nullable(IsoDateTime),
  statusChangedAt: nullable(IsoDateTime),
  streamAccess: StreamAccess,
  streamUrl: editable.streamUrl,
  streamRestricted: Type.Boolean({ description: 'A stream exists that this caller may not see' }),
  ownerKind: editable.ownerKind,
  isSample: Type.Boolean({ description: 'Generated demo record, not a real device' }),
  updatedAt: IsoDateTime,
  agencyId: Type.Optional(editable.agencyId),
  ownerName: Type.Optional(editable.ownerName),
  ownerUserId: Type.Optional(editable.ownerUserId),
  consentAt: Type.Optional(editable.consentAt),
  consentReference: Type.Optional(editable.consentReference),
  thingId: Type.Optional(editable.thingId),
  monitored: Type.Optional(editable.monitored),
  heartbeatIntervalSeconds: Type.Optional(editable.heartbeatIntervalSeconds),
  heartbeatStreak: Type.Optional(Type.Integer()),
  hasToken: Type.Optional(Type.Boolean()),
  note: Type.Optional(editable.note),
  createdAt: Type.Optional(IsoDateTime),
});

export const DeviceCreateBody = Type.Object(
  {
    type: editable.type,
    name: editable.name,
    code: Type.Optional(editable.code),
    agencyId: Type.Optional(editable.agencyId),
    adminUnitCode: Type.Optional(editable.adminUnitCode),
    location: Type.Optional(editable.location),
    address: Type.Optional(editable.address),
    streamUrl: Type.Optional(editable.streamUrl),
    streamAccess: Type.Optional(editable.streamAccess),
    ownerKind: Type.Optional(editable.ownerKind),
    ownerName: Type.Optional(editable.ownerName),
    ownerUserId: Type.Optional(editable.ownerUserId),
    consentAt: Type.Optional(editable.consentAt),
    consentReference: Type.Optional(editable.consentReference),
    thingId: Type.Optional(editable.thingId),
    monitored: Type.Optional(editable.monitored),
    heartbeatIntervalSeconds: Type.Optional(editable.heartbeatIntervalSeconds),
    note: Type.Optional(editable.note),
  },
  { additionalProperties: false },
);

export const DeviceUpdateBody = Type.Partial(Type.Object({ ...editable }), {
  additionalProperties: false,
  minProperties: 1,
});

/** A device just created, or its token just rotated: the token is shown this once. */
export const DeviceWithTokenSchema = Type.Object({
  device: DeviceSchema,
  token: Type.String({ description: 'Heartbeat token (X-Device-Token). Shown once: keep it.' }),
});

export const DeviceListQuery = Type.Object(
  {
    type: Type.Optional(DeviceType),
    status: Type.Optional(DeviceStatus),
    adminUnitCode: Type.Optional(Type.String({ maxLength: 20 })),
    agencyId: Type.Optional(Uuid),
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Name, accents optional' })),
    isSample: Type.Optional(Type.Boolean()),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const DeviceMapQuery = Type.Object(
  {
    type: Type.Optional(DeviceType),
    status: Type.Optional(DeviceStatus),
    adminUnitCode: Type.Optional(Type.String({ maxLength: 20 })),
    bbox: Type.Optional(Type.String({ maxLength: 100, description: 'minLon,minLat,maxLon,maxLat (WGS 84)' })),
    limit: Type.Integer({ minimum: 1, maximum: 50000, default: 5000 }),
  },
  { additionalProperties: false },
);

export const DeviceClusterQuery = Type.Object(
  {
    type: Type.Optional(
      Type.Union([DeviceType, Type.Literal('camera')], {
        description: 'A device type, or `camera` for the three camera types together',
      }),
    ),
    status: Type.Optional(DeviceStatus),
    bbox: Type.String({ maxLength: 100, description: 'minLon,minLat,maxLon,maxLat (WGS 84) of the view' }),
    zoom: Type.Integer({
      minimum: 0,
      maximum: 22,
      description: 'The map zoom: cells are 56 px at it; from 17 on every device is its own point',
    }),
  },
  { additionalProperties: false },
);

export const HeartbeatHeaders = Type.Object({
  'x-device-token': Type.String({ minLength: 1, maxLength: 200, description: 'The device token' }),
});

const FleetCount = {
  total: Type.Integer(),
  online: Type.Integer(),
  offline: Type.Integer(),
  unknown: Type.Integer(),
  onlinePercent: nullable(Type.Number({ description: 'online / (online + offline), one decimal' })),
};

export const FleetSummarySchema = Type.Object({
  total: Type.Object(FleetCount),
  byType: Type.Array(Type.Object({ type: DeviceType, ...FleetCount })),
  byAdminUnit: Type.Array(
    Type.Object({
      adminUnitCode: nullable(Type.String()),
      adminUnitName: nullable(Type.String()),
      ...FleetCount,
    }),
  ),
});

export const FleetQuery = Type.Object({ type: Type.Optional(DeviceType) }, { additionalProperties: false });

export const StateChangeSchema = Type.Object({
  from: DeviceStatus,
  to: DeviceStatus,
  changedAt: IsoDateTime,
  lastSeenAt: nullable(IsoDateTime),
});
