import { sql, type Generated } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/database';

/** Recurring background work. The schedule and the last outcome live in platform.jobs. */
export interface JobDefinition {
  readonly name: string;
  readonly intervalSeconds: number;
  run(): Promise<void>;
}

type JobTables = {
  'platform.jobs': {
    name: string;
    interval_seconds: number;
    next_run_at: Generated<Date>;
    locked_until: Date | null;
    last_started_at: Date | null;
    last_finished_at: Date | null;
    last_status: 'succeeded' | 'failed' | null;
    last_error: string | null;
    run_count: Generated<number>;
    failure_count: Generated<number>;
  };
};

export interface JobStatus {
  readonly name: string;
  readonly intervalSeconds: number;
  readonly nextRunAt: string;
  readonly lastStartedAt: string | null;
  readonly lastFinishedAt: string | null;
  readonly lastStatus: 'succeeded' | 'failed' | null;
  readonly lastError: string | null;
  readonly runCount: number;
  readonly failureCount: number;
}

const TICK_MS = 1000;
// Longest a run may hold its job before another process may take it over (a crashed run).
const LEASE_SECONDS = 300;

/**
 * Runs each registered job once per interval across all app processes: a process claims a due job by
 * setting its lease in one UPDATE over a row chosen with FOR UPDATE SKIP LOCKED, so two processes never
 * run the same job at once, and a crashed run is retried when its lease expires.
 */
export class JobScheduler {
  readonly #jobs = new Map<string, JobDefinition>();
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<unknown> | undefined;
  #stopped = true;

  constructor(
    private readonly db: Db,
    private readonly logger: FastifyBaseLogger,
  ) {}

  register(job: JobDefinition): void {
    if (this.#jobs.has(job.name)) throw new Error(`job ${job.name} is registered twice`);
    this.#jobs.set(job.name, job);
  }

  has(name: string): boolean {
    return this.#jobs.has(name);
  }

  /** Writes each job's row (keeping its state) and adopts a changed interval. */
  async sync(): Promise<void> {
    for (const job of this.#jobs.values()) {
      await this.db
        .withTables<JobTables>()
        .insertInto('platform.jobs')
        .values({ name: job.name, interval_seconds: job.intervalSeconds })
        .onConflict((oc) => oc.column('name').doUpdateSet({ interval_seconds: job.intervalSeconds }))
        .execute();
    }
  }

  async start(): Promise<void> {
    await this.sync();
    this.#stopped = false;
    this.#tick();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
  }

  /** Claims and runs every due job once; returns the names that ran. */
  async runDue(): Promise<string[]> {
    const ran: string[] = [];
    for (;;) {
      const claimed = await this.#claimNext();
      if (!claimed) return ran;
      await this.#run(claimed);
      ran.push(claimed.name);
    }
  }

  /** Runs one job now, whatever its schedule (console "run now", tests). */
  async runNow(name: string): Promise<JobStatus> {
    const job = this.#jobs.get(name);
    if (!job) throw new Error(`unknown job ${name}`);
    await this.#run(job);
    const status = (await this.list()).find((entry) => entry.name === name);
    if (!status) throw new Error(`job ${name} has no state row`);
    return status;
  }

  async list(): Promise<JobStatus[]> {
    const rows = await this.db
      .withTables<JobTables>()
      .selectFrom('platform.jobs')
      .selectAll()
      .orderBy('name')
      .execute();
    return rows.map((row) => ({
      name: row.name,
      intervalSeconds: row.interval_seconds,
      nextRunAt: row.next_run_at.toISOString(),
      lastStartedAt: row.last_started_at?.toISOString() ?? null,
      lastFinishedAt: row.last_finished_at?.toISOString() ?? null,
      lastStatus: row.last_status,
      lastError: row.last_error,
      runCount: row.run_count,
      failureCount: row.failure_count,
    }));
  }

  async #claimNext(): Promise<JobDefinition | undefined> {
    const names = [...this.#jobs.keys()];
    if (names.length === 0) return undefined;
    const result = await sql<{ name: string }>`
      update platform.jobs set locked_until = now() + make_interval(secs => ${LEASE_SECONDS}), last_started_at = now()
      where name = (
        select name from platform.jobs
        where name in (${sql.join(names)})
          and next_run_at <= now()
          and (locked_until is null or locked_until < now())
        order by next_run_at
        limit 1
        for update skip locked)
      returning name`.execute(this.db);
    const name = result.rows[0]?.name;
    return name ? this.#jobs.get(name) : undefined;
  }

  async #run(job: JobDefinition): Promise<void> {
    let error: unknown;
    try {
      await job.run();
    } catch (caught) {
      error = caught;
      this.logger.error({ err: caught, job: job.name }, 'job failed');
    }
    await this.db
      .withTables<JobTables>()
      .updateTable('platform.jobs')
      .set((eb) => ({
        locked_until: null,
        last_finished_at: sql<Date>`now()`,
        next_run_at: sql<Date>`now() + make_interval(secs => ${job.intervalSeconds})`,
        last_status: error ? 'failed' : 'succeeded',
        last_error: error ? String((error as Error).message ?? error).slice(0, 2000) : null,
        run_count: eb('run_count', '+', 1),
        failure_count: error ? eb('failure_count', '+', 1) : eb.ref('failure_count'),
      }))
      .where('name', '=', job.name)
      .execute();
  }

  #tick(): void {
    this.#timer = setTimeout(() => {
      this.#running = this.runDue()
        .catch((error: unknown) => this.logger.error({ err: error }, 'job scheduler tick failed'))
        .finally(() => {
          this.#running = undefined;
          if (!this.#stopped) this.#tick();
        });
    }, TICK_MS);
    this.#timer.unref();
  }
}
