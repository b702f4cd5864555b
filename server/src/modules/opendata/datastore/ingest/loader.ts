import type { JobDefinition } from '../../../../platform/jobs/scheduler';
import { runLoad, type LoadDeps } from './load-run';
import { dropStaging } from './staging';

export const LOADER_JOB = 'opendata.datastore.loads';

/**
 * Works through the load queue: takes back loads whose worker died, then claims and runs queued loads one
 * after the other until none is left. Any number of processes may drain at once (claims skip locked
 * rows); within a process concurrent calls share one run, and a call during a run asks for one more pass
 * so a file queued meanwhile is not left waiting for the next tick.
 */
export class DatastoreLoader {
  #running: Promise<number> | undefined;
  #again = false;

  constructor(private readonly deps: LoadDeps) {}

  drain(): Promise<number> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#passes().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  /** Waits for the run in progress (on shutdown). */
  async idle(): Promise<void> {
    await this.#running?.catch(() => undefined);
  }

  /** The recurring job: the safety net behind the immediate wake-up of resourceFileStored. */
  job(intervalSeconds: number): JobDefinition {
    return { name: LOADER_JOB, intervalSeconds, run: async () => void (await this.drain()) };
  }

  async #passes(): Promise<number> {
    let loads = 0;
    do {
      this.#again = false;
      loads += await this.#pass();
    } while (this.#again);
    return loads;
  }

  async #pass(): Promise<number> {
    for (const expired of await this.deps.loads.reclaimExpired(this.deps.tuning.maxAttempts)) {
      await dropStaging(this.deps.db, expired.leaseToken);
    }
    let loads = 0;
    for (;;) {
      const load = await this.deps.loads.claim(this.deps.tuning.leaseSeconds);
      if (!load) return loads;
      await runLoad(this.deps, load);
      loads += 1;
    }
  }
}
