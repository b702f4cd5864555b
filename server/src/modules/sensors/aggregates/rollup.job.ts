import type { Kysely } from 'kysely';
import { hourOf, recomputeDirtyHours, rollUpRange } from './rollup.repo';

export interface RollupOptions {
  /** How long after an hour ends before it is rolled up: in-flight batches of that hour land first. */
  readonly graceMs: number;
  /** Hours rolled up per transaction (bounds each transaction on a backlog). */
  readonly hoursPerTransaction: number;
  /** Transactions per run; a larger backlog continues on the next run. */
  readonly maxTransactions: number;
  readonly dirtyBatch: number;
}

export const defaultRollupOptions: RollupOptions = {
  graceMs: 2 * 60_000,
  hoursPerTransaction: 24,
  maxTransactions: 60,
  dirtyBatch: 1000,
};

/**
 * The hourly rollup job: moves the watermark over completed hours, then recomputes the hours that
 * changed after being rolled up. Idempotent; the scheduler runs it in one process at a time.
 */
export async function runRollup(
  db: Kysely<unknown>,
  options: RollupOptions = defaultRollupOptions,
  now = new Date(),
): Promise<{ watermark: Date | null; recomputedHours: number }> {
  const until = hourOf(new Date(now.getTime() - options.graceMs));
  let watermark: Date | null = null;
  for (let step = 0; step < options.maxTransactions; step += 1) {
    watermark = await rollUpRange(db, until, options.hoursPerTransaction);
    if (!watermark || watermark >= until) break;
  }
  let recomputedHours = 0;
  for (let step = 0; step < options.maxTransactions; step += 1) {
    const redone = await recomputeDirtyHours(db, options.dirtyBatch);
    recomputedHours += redone;
    if (redone < options.dirtyBatch) break;
  }
  return { watermark, recomputedHours };
}
