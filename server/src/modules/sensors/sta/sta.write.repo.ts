import { sql, type Kysely, type RawBuilder } from 'kysely';
import { defined } from '../defined';

/** A column value: a plain value (bound as a parameter) or SQL such as jsonb(…). */
export type ColumnValues = Record<string, unknown>;

/** JSON bound as text and cast, so it behaves the same on PGlite and PostgreSQL. */
export function jsonb(value: unknown): RawBuilder<unknown> {
  return value === null || value === undefined ? sql`null` : sql`${JSON.stringify(value)}::jsonb`;
}

function assignments(values: ColumnValues) {
  return Object.entries(values).filter(([, value]) => value !== undefined);
}

// Table and column names come from the entity model and the write service, never from a request.
export async function insertRow(
  executor: Kysely<unknown>,
  table: string,
  values: ColumnValues,
): Promise<number> {
  const entries = assignments(values);
  const { rows } = await sql<{ id: number }>`insert into ${sql.table(table)}
    (${sql.join(entries.map(([column]) => sql.ref(column)))})
    values (${sql.join(entries.map(([, value]) => value))}) returning id`.execute(executor);
  return Number(defined(rows[0], 'inserted id').id);
}

/** Updates the given columns (and updated_at when the table has it); false when no such row. */
export async function updateRow(
  executor: Kysely<unknown>,
  table: string,
  id: number,
  values: ColumnValues,
  touch = true,
): Promise<boolean> {
  const entries = assignments(values).map(([column, value]) => sql`${sql.ref(column)} = ${value}`);
  if (touch) entries.push(sql`updated_at = now()`);
  if (entries.length === 0) return rowExists(executor, table, id);
  const result =
    await sql`update ${sql.table(table)} set ${sql.join(entries)} where id = ${id}::bigint`.execute(executor);
  return Number(result.numAffectedRows ?? 0) > 0;
}

export async function deleteRow(executor: Kysely<unknown>, table: string, id: number): Promise<boolean> {
  const result = await sql`delete from ${sql.table(table)} where id = ${id}::bigint`.execute(executor);
  return Number(result.numAffectedRows ?? 0) > 0;
}

export async function rowExists(executor: Kysely<unknown>, table: string, id: number): Promise<boolean> {
  const { rows } = await sql`select 1 from ${sql.table(table)} where id = ${id}::bigint`.execute(executor);
  return rows.length > 0;
}

/**
 * Links a Thing to Locations (replacing its Locations when `replace`). Every change of a Thing's
 * Locations is history (the spec's historical-location-auto-creation): a HistoricalLocation, at the
 * time of the change, lists the Locations the Thing has from then on. Re-sending the same Locations
 * changes nothing and records nothing.
 */
export async function linkThingToLocations(
  executor: Kysely<unknown>,
  thingId: number,
  locationIds: readonly number[],
  replace: boolean,
): Promise<void> {
  const before = await locationsOfThing(executor, thingId);
  if (replace)
    await sql`delete from sensors.thing_locations where thing_id = ${thingId}::bigint`.execute(executor);
  if (locationIds.length > 0)
    await sql`insert into sensors.thing_locations (thing_id, location_id)
      values ${sql.join(locationIds.map((id) => sql`(${thingId}::bigint, ${id}::bigint)`))}
      on conflict do nothing`.execute(executor);
  const after = await locationsOfThing(executor, thingId);
  const gained = after.some((id) => !before.includes(id));
  if (!gained) return;
  const historyId = await insertRow(executor, 'sensors.historical_locations', {
    thing_id: thingId,
    time: sql`now()`,
  });
  await linkHistoricalLocation(executor, historyId, after);
}

async function locationsOfThing(executor: Kysely<unknown>, thingId: number): Promise<number[]> {
  const { rows } = await sql<{ location_id: number }>`select location_id from sensors.thing_locations
    where thing_id = ${thingId}::bigint order by location_id`.execute(executor);
  return rows.map((row) => Number(row.location_id));
}

export async function linkHistoricalLocation(
  executor: Kysely<unknown>,
  historicalLocationId: number,
  locationIds: readonly number[],
): Promise<void> {
  if (locationIds.length === 0) return;
  await sql`insert into sensors.historical_location_locations (historical_location_id, location_id)
    values ${sql.join(locationIds.map((id) => sql`(${historicalLocationId}::bigint, ${id}::bigint)`))}
    on conflict do nothing`.execute(executor);
}

export async function observationTypeOf(
  executor: Kysely<unknown>,
  datastreamId: number,
): Promise<string | null> {
  const { rows } = await sql<{ observation_type: string }>`
    select observation_type from sensors.datastreams where id = ${datastreamId}::bigint`.execute(executor);
  return rows[0]?.observation_type ?? null;
}
