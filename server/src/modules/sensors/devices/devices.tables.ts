import type { Generated } from 'kysely';
import type { DeviceStatus, DeviceType, OwnerKind, StreamAccess } from './device.model';

/** The device registry's tables, as Kysely sees them (sensors.devices, sensors.device_state_changes). */
export type DeviceTables = {
  'sensors.devices': {
    id: Generated<string>;
    type: DeviceType;
    name: string;
    code: string | null;
    agency_id: string | null;
    admin_unit_code: string | null;
    latitude: number | null;
    longitude: number | null;
    address: string | null;
    stream_url: string | null;
    stream_access: StreamAccess;
    owner_kind: OwnerKind;
    owner_name: string | null;
    owner_user_id: string | null;
    consent_at: Date | string | null;
    consent_reference: string | null;
    thing_id: number | null;
    token_hash: string | null;
    monitored: boolean;
    heartbeat_interval_seconds: number;
    last_seen_at: Date | null;
    heartbeat_streak: Generated<number>;
    status: Generated<DeviceStatus>;
    status_changed_at: Date | null;
    is_sample: Generated<boolean>;
    note: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  'sensors.device_state_changes': {
    id: Generated<number>;
    device_id: string;
    from_status: DeviceStatus;
    to_status: DeviceStatus;
    changed_at: Date;
    last_seen_at: Date | null;
  };
};

export type DeviceRow = {
  [K in keyof DeviceTables['sensors.devices']]: DeviceTables['sensors.devices'][K] extends Generated<infer T>
    ? T
    : DeviceTables['sensors.devices'][K];
};
