import { sql, type Kysely } from 'kysely';

/** What an incident says about the thing that alerted: a datastream (via its Thing) or a device. */
export interface AlertSubject {
  readonly key: string;
  readonly datastreamId: number | null;
  readonly deviceId: string | null;
  readonly name: string;
  readonly observedProperty: string | null;
  readonly unit: string | null;
  readonly location: { readonly latitude: number; readonly longitude: number } | null;
  readonly adminUnitCode: string | null;
  readonly agencyId: string | null;
  readonly isSample: boolean;
}

export const datastreamKey = (id: number) => `datastream:${id}`;
export const deviceKey = (id: string) => `device:${id}`;

function locationOf(row: { latitude: number | null; longitude: number | null }) {
  return row.latitude === null || row.longitude === null
    ? null
    : { latitude: Number(row.latitude), longitude: Number(row.longitude) };
}

/**
 * A datastream as an alert subject: located where its Thing is (the newest Location, as the
 * FeatureOfInterest rule does), in the area and agency of the device registered for that Thing.
 */
export async function datastreamSubject(
  executor: Kysely<unknown>,
  id: number,
): Promise<AlertSubject | undefined> {
  const { rows } = await sql<{
    name: string;
    property: string;
    unit: string | null;
    latitude: number | null;
    longitude: number | null;
    admin_unit_code: string | null;
    agency_id: string | null;
    is_sample: boolean;
  }>`
    select d.name, op.name as property, d.unit_of_measurement->>'symbol' as unit,
      loc.latitude, loc.longitude, dev.admin_unit_code, dev.agency_id,
      coalesce((d.properties->>'isSample')::boolean, false) as is_sample
    from sensors.datastreams d
    join sensors.observed_properties op on op.id = d.observed_property_id
    left join lateral (
      select l.latitude, l.longitude from sensors.thing_locations tl
      join sensors.locations l on l.id = tl.location_id
      where tl.thing_id = d.thing_id order by tl.location_id desc limit 1) loc on true
    left join lateral (
      select v.admin_unit_code, v.agency_id from sensors.devices v
      where v.thing_id = d.thing_id order by v.created_at limit 1) dev on true
    where d.id = ${id}::bigint`.execute(executor);
  const row = rows[0];
  if (!row) return undefined;
  return {
    key: datastreamKey(id),
    datastreamId: id,
    deviceId: null,
    name: row.name,
    observedProperty: row.property,
    unit: row.unit,
    location: locationOf(row),
    adminUnitCode: row.admin_unit_code,
    agencyId: row.agency_id,
    isSample: row.is_sample,
  };
}

/** A device as an alert subject (DEVICE_OFFLINE). */
export async function deviceSubject(
  executor: Kysely<unknown>,
  id: string,
): Promise<AlertSubject | undefined> {
  const { rows } = await sql<{
    name: string;
    latitude: number | null;
    longitude: number | null;
    admin_unit_code: string | null;
    agency_id: string | null;
    is_sample: boolean;
  }>`
    select name, latitude, longitude, admin_unit_code, agency_id, is_sample
    from sensors.devices where id = ${id}::uuid`.execute(executor);
  const row = rows[0];
  if (!row) return undefined;
  return {
    key: deviceKey(id),
    datastreamId: null,
    deviceId: id,
    name: row.name,
    observedProperty: null,
    unit: null,
    location: locationOf(row),
    adminUnitCode: row.admin_unit_code,
    agencyId: row.agency_id,
    isSample: row.is_sample,
  };
}
