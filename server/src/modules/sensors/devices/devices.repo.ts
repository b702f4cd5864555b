import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import type { Db } from '../../../platform/db/database';
import type { Device, DeviceFields, DeviceStatus, DeviceType } from './device.model';
import { cameraTypes } from './device.model';
import type { DeviceRow, DeviceTables } from './devices.tables';

type Executor = Kysely<unknown> | Transaction<unknown>;
export type DevicesEb = ExpressionBuilder<DeviceTables, 'sensors.devices'>;

/** Which devices a caller may see in lists and on the map. */
export type Visibility =
  { readonly kind: 'all' } | { readonly kind: 'public'; readonly ownerUserId?: string };

export interface DeviceQuery {
  readonly type?: DeviceType;
  /** Any of these types (the map's camera layer asks for the three camera types). */
  readonly types?: readonly DeviceType[];
  readonly status?: DeviceStatus;
  readonly adminUnitCode?: string;
  readonly agencyId?: string;
  readonly q?: string;
  readonly isSample?: boolean;
  /** minLon, minLat, maxLon, maxLat */
  readonly bbox?: readonly [number, number, number, number];
  readonly limit: number;
  readonly offset: number;
}

export function deviceOf(row: DeviceRow): Device {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    code: row.code,
    agencyId: row.agency_id,
    adminUnitCode: row.admin_unit_code,
    location:
      row.latitude === null || row.longitude === null
        ? null
        : { latitude: row.latitude, longitude: row.longitude },
    address: row.address,
    streamUrl: row.stream_url,
    streamAccess: row.stream_access,
    ownerKind: row.owner_kind,
    ownerName: row.owner_name,
    ownerUserId: row.owner_user_id,
    consentAt: row.consent_at === null ? null : new Date(row.consent_at).toISOString(),
    consentReference: row.consent_reference,
    thingId: row.thing_id,
    monitored: row.monitored,
    heartbeatIntervalSeconds: row.heartbeat_interval_seconds,
    note: row.note,
    hasToken: row.token_hash !== null,
    lastSeenAt: row.last_seen_at,
    heartbeatStreak: row.heartbeat_streak,
    status: row.status,
    statusChangedAt: row.status_changed_at,
    isSample: row.is_sample,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function columnsOf(fields: Partial<DeviceFields>) {
  const { location } = fields;
  return {
    ...(fields.type !== undefined && { type: fields.type }),
    ...(fields.name !== undefined && { name: fields.name }),
    ...(fields.code !== undefined && { code: fields.code }),
    ...(fields.agencyId !== undefined && { agency_id: fields.agencyId }),
    ...(fields.adminUnitCode !== undefined && { admin_unit_code: fields.adminUnitCode }),
    ...(location !== undefined && {
      latitude: location?.latitude ?? null,
      longitude: location?.longitude ?? null,
    }),
    ...(fields.address !== undefined && { address: fields.address }),
    ...(fields.streamUrl !== undefined && { stream_url: fields.streamUrl }),
    ...(fields.streamAccess !== undefined && { stream_access: fields.streamAccess }),
    ...(fields.ownerKind !== undefined && { owner_kind: fields.ownerKind }),
    ...(fields.ownerName !== undefined && { owner_name: fields.ownerName }),
    ...(fields.ownerUserId !== undefined && { owner_user_id: fields.ownerUserId }),
    ...(fields.consentAt !== undefined && { consent_at: fields.consentAt }),
    ...(fields.consentReference !== undefined && { consent_reference: fields.consentReference }),
    ...(fields.thingId !== undefined && { thing_id: fields.thingId }),
    ...(fields.monitored !== undefined && { monitored: fields.monitored }),
    ...(fields.heartbeatIntervalSeconds !== undefined && {
      heartbeat_interval_seconds: fields.heartbeatIntervalSeconds,
    }),
    ...(fields.note !== undefined && { note: fields.note }),
  };
}

/** The only code that reads and writes sensors.devices (heartbeats and status have their own repos). */
export class DevicesRepo {
  constructor(private readonly db: Db) {}

  #tables(executor: Executor = this.db) {
    return executor.withTables<DeviceTables>();
  }

  async findById(id: string, executor: Executor = this.db): Promise<Device | undefined> {
    const row = await this.#tables(executor)
      .selectFrom('sensors.devices')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && deviceOf(row);
  }

  async insert(trx: Executor, fields: DeviceFields, tokenHash: string | null): Promise<string> {
    const row = await this.#tables(trx)
      .insertInto('sensors.devices')
      .values({
        ...columnsOf(fields),
        type: fields.type,
        name: fields.name,
        stream_access: fields.streamAccess,
        owner_kind: fields.ownerKind,
        monitored: fields.monitored,
        heartbeat_interval_seconds: fields.heartbeatIntervalSeconds,
        token_hash: tokenHash,
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async update(trx: Executor, id: string, changes: Partial<DeviceFields>): Promise<void> {
    await this.#tables(trx)
      .updateTable('sensors.devices')
      .set({ ...columnsOf(changes), updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
  }

  async setTokenHash(trx: Executor, id: string, tokenHash: string): Promise<void> {
    await this.#tables(trx)
      .updateTable('sensors.devices')
      .set({ token_hash: tokenHash, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
  }

  async delete(trx: Executor, id: string): Promise<void> {
    await this.#tables(trx).deleteFrom('sensors.devices').where('id', '=', id).execute();
  }

  async list(query: DeviceQuery, visibility: Visibility): Promise<{ items: Device[]; total: number }> {
    const base = this.#tables()
      .selectFrom('sensors.devices')
      .where((eb) => deviceConditions(eb, query, visibility));
    const [rows, count] = await Promise.all([
      base
        .selectAll()
        .orderBy('type')
        .orderBy('name')
        .orderBy('id')
        .limit(query.limit)
        .offset(query.offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(deviceOf), total: Number(count.total) };
  }

  /** Devices with a location for the map, at most `limit`. */
  async mapped(query: Omit<DeviceQuery, 'offset'>, visibility: Visibility): Promise<Device[]> {
    const rows = await this.#tables()
      .selectFrom('sensors.devices')
      .selectAll()
      .where('latitude', 'is not', null)
      .where((eb) => deviceConditions(eb, query, visibility))
      .orderBy('id')
      .limit(query.limit)
      .execute();
    return rows.map(deviceOf);
  }

  async stateChanges(
    deviceId: string,
    limit: number,
  ): Promise<{ from: DeviceStatus; to: DeviceStatus; changedAt: Date; lastSeenAt: Date | null }[]> {
    const rows = await this.#tables()
      .selectFrom('sensors.device_state_changes')
      .select(['from_status', 'to_status', 'changed_at', 'last_seen_at'])
      .where('device_id', '=', deviceId)
      .orderBy('changed_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      from: row.from_status,
      to: row.to_status,
      changedAt: row.changed_at,
      lastSeenAt: row.last_seen_at,
    }));
  }
}

/** The filter of a device query, with what `visibility` hides from the caller. */
export function deviceConditions(
  eb: DevicesEb,
  query: Omit<DeviceQuery, 'limit' | 'offset'>,
  visibility: Visibility,
) {
  const conditions = [];
  if (query.type) conditions.push(eb('type', '=', query.type));
  if (query.types) conditions.push(eb('type', 'in', query.types));
  if (query.status) conditions.push(eb('status', '=', query.status));
  if (query.adminUnitCode) conditions.push(eb('admin_unit_code', '=', query.adminUnitCode));
  if (query.agencyId) conditions.push(eb('agency_id', '=', query.agencyId));
  if (query.isSample !== undefined) conditions.push(eb('is_sample', '=', query.isSample));
  if (query.q)
    conditions.push(
      eb(sql`platform.search_key(name)`, 'like', sql<string>`'%' || platform.search_key(${query.q}) || '%'`),
    );
  if (query.bbox) {
    const [minLon, minLat, maxLon, maxLat] = query.bbox;
    conditions.push(eb.between('longitude', minLon, maxLon), eb.between('latitude', minLat, maxLat));
  }
  if (visibility.kind === 'public') {
    const listed = eb.or([eb('type', 'not in', cameraTypes), eb('stream_access', '=', 'public')]);
    conditions.push(
      visibility.ownerUserId ? eb.or([listed, eb('owner_user_id', '=', visibility.ownerUserId)]) : listed,
    );
  }
  return eb.and(conditions);
}
