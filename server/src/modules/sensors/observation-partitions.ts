import { sql, type Kysely } from 'kysely';
import { defined } from './defined';

/**
 * Keeps monthly partitions of sensors.observations ahead of time: last month to `monthsAhead` ahead,
 * and any month the default partition caught (late or early data), whose rows move into it.
 */
export async function ensureObservationPartitions(
  executor: Kysely<unknown>,
  monthsAhead = 3,
): Promise<string[]> {
  const { rows: months } = await sql<{ month: Date }>`
    select now() + make_interval(months => m) as month from generate_series(-1, ${monthsAhead}::int) as m
    union
    select distinct date_trunc('month', phenomenon_time) from sensors.observations_default
    order by month`.execute(executor);
  const names: string[] = [];
  // One month per statement: each may move rows out of the default partition.
  for (const { month } of months) {
    const { rows } = await sql<{ name: string }>`
      select sensors.ensure_observation_partition(${new Date(month).toISOString()}::timestamptz) as name`.execute(
      executor,
    );
    names.push(defined(rows[0], 'partition name').name);
  }
  return names;
}

/** Retention: drops whole monthly partitions that end before `cutoff` (never row by row). */
export async function dropObservationPartitionsBefore(
  executor: Kysely<unknown>,
  cutoff: Date,
): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select sensors.drop_observation_partitions_before(${cutoff.toISOString()}::timestamptz) as name`.execute(
    executor,
  );
  return rows.map((row) => row.name);
}

/** Which partition holds an observation (for tests and operators). */
export async function partitionOfObservation(executor: Kysely<unknown>, id: number): Promise<string | null> {
  const { rows } = await sql<{ name: string }>`
    select tableoid::regclass::text as name from sensors.observations where id = ${id}::bigint`.execute(
    executor,
  );
  return rows[0]?.name ?? null;
}
