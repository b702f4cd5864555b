import { sql } from 'kysely';
import type { DatastoreField } from '../schema/field-types';
import { createIndexes, lockResource } from '../schema/table-ddl';
import type { ColumnGuess } from './infer';
import { columnsToIndex } from './load-columns';
import { LeaseLost, ProgressReporter, type LoadDeps } from './load-context';
import { fileProblem, LoadFailure, type LoadProblem } from './load-problems';
import type { ClaimedLoad } from './loads.repo';
import { stageFile } from './stage';
import { completeStaging, dropStaging, swapIn } from './staging';

export { defaultLoadTuning, type LoadDeps, type LoadTuning } from './load-context';

/** Swaps the staging table in, under the resource's lock, if this worker still holds the load. */
async function publish(
  deps: LoadDeps,
  load: ClaimedLoad,
  fields: readonly DatastoreField[],
  rows: number,
): Promise<void> {
  await completeStaging(deps.db, load.leaseToken, rows);
  await deps.db.transaction().execute(async (trx) => {
    await lockResource(trx, load.resourceId);
    const held = await sql`update opendata.datastore_loads set swapped_at = now()
      where id = ${load.id} and lease_token = ${load.leaseToken} and status = 'running'`.execute(trx);
    if (Number(held.numAffectedRows ?? 0) === 0) throw new LeaseLost();
    await swapIn(trx, load.leaseToken, load.resourceId);
    await deps.tables.save(trx, {
      resourceId: load.resourceId,
      fields,
      primaryKey: [],
      rowCount: rows,
      origin: 'load',
    });
  });
}

/** After the swap, the table is live: vacuum and statistics for the planner, then indexes for filters. */
async function index(
  deps: LoadDeps,
  load: ClaimedLoad,
  plan: { fields: readonly DatastoreField[]; guesses: readonly ColumnGuess[] },
  rows: number,
  progress: ProgressReporter,
) {
  await progress.report({ rowsDone: rows, phase: 'indexing' }, true);
  const table = { schema: 'opendata_datastore', name: load.resourceId };
  // VACUUM sets the visibility map of the new table, so counts of filtered rows can be index-only scans.
  await sql`vacuum (analyze) ${sql.id(table.schema, table.name)}`.execute(deps.db);
  if (rows < deps.tuning.autoIndexMinRows) return;
  for (const column of columnsToIndex(plan, deps.tuning.maxAutoIndexes)) {
    await createIndexes(deps.db, table, [[column]]);
    await progress.report({ rowsDone: rows, phase: 'indexing' }, true);
  }
}

async function fail(
  deps: LoadDeps,
  load: ClaimedLoad,
  problems: { readonly items: readonly LoadProblem[]; readonly count: number },
  fields: readonly DatastoreField[] | null,
) {
  await deps.loads.finish(deps.db, load, {
    status: 'failed',
    fields,
    // In line order: a reader reports quoting problems before the sample rows are checked.
    problems: [...problems.items].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
    errorCount: problems.count,
    rowsDone: 0,
    message: `${problems.count} problem(s) found; the data in the DataStore was not changed.`,
  });
}

/**
 * Runs one claimed load to its end: read and check the whole file into a staging table, then swap it in
 * (or drop it and report every problem with its line). Whatever happens, the live table is either the
 * previous version or the complete new one.
 */
export async function runLoad(deps: LoadDeps, load: ClaimedLoad): Promise<void> {
  const progress = new ProgressReporter(deps, load);
  try {
    const staged = await stageFile(deps, load, progress);
    const { fields, guesses } = staged;
    if (staged.problems.count > 0 || !fields || !guesses)
      return await fail(deps, load, staged.problems, fields ?? null);
    await publish(deps, load, fields, staged.rows);
    await index(deps, load, { fields, guesses }, staged.rows, progress);
    await deps.loads.finish(deps.db, load, {
      status: 'succeeded',
      fields,
      problems: [],
      errorCount: 0,
      rowsDone: staged.rows,
    });
  } catch (error) {
    if (error instanceof LeaseLost)
      return deps.logger.warn({ loadId: load.id }, 'datastore load taken over by another worker');
    if (!(error instanceof LoadFailure))
      deps.logger.error({ err: error, loadId: load.id }, 'datastore load failed');
    const problem = error instanceof LoadFailure ? error.problem : fileProblem('internal');
    await fail(deps, load, { items: [problem], count: 1 }, null);
  } finally {
    await dropStaging(deps.db, load.leaseToken).catch(() => undefined);
  }
}
