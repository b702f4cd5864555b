import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database';

export type UsageMetric = 'api_call' | 'download';

interface Increment {
  readonly metric: UsageMetric;
  readonly subject: string;
  n: number;
}

/**
 * Daily counters of CKAN API calls and resource downloads (opendata.usage_counters).
 *
 * Every API call counts one, and all of them would update the same row: one at a time, each waiting for
 * the previous commit. Instead at most one write runs at a time, and the calls counted meanwhile go
 * together in the next one (group commit). Each `count()` still resolves only once its increment is
 * committed; nothing is held back waiting for more.
 */
export class UsageCounter {
  #next = new Map<string, Increment>();
  #nextWrite: Promise<void> | undefined;
  #lastWrite: Promise<void> = Promise.resolve();

  constructor(private readonly db: Db) {}

  /** One more `metric` today (UTC day); `subject` is the resource id for downloads. */
  count(metric: UsageMetric, subject = ''): Promise<void> {
    const key = `${metric}\u0000${subject}`;
    const pending = this.#next.get(key);
    if (pending) pending.n += 1;
    else this.#next.set(key, { metric, subject, n: 1 });
    if (!this.#nextWrite) {
      this.#nextWrite = this.#lastWrite.then(() => {
        const batch = [...this.#next.values()];
        this.#next = new Map();
        this.#nextWrite = undefined;
        return this.#write(batch);
      });
      this.#lastWrite = this.#nextWrite.catch(() => undefined);
    }
    return this.#nextWrite;
  }

  async #write(batch: readonly Increment[]): Promise<void> {
    const rows = batch.map((row) => sql`(current_date, ${row.metric}, ${row.subject}, ${row.n}::bigint)`);
    await sql`insert into opendata.usage_counters (day, metric, subject, count)
              values ${sql.join(rows)}
              on conflict (day, metric, subject) do update
                set count = opendata.usage_counters.count + excluded.count`.execute(this.db);
  }

  async totals(): Promise<Record<UsageMetric, number>> {
    const result = await sql<{ metric: UsageMetric; n: number }>`
      select metric, sum(count) as n from opendata.usage_counters group by metric`.execute(this.db);
    const totals: Record<UsageMetric, number> = { api_call: 0, download: 0 };
    for (const row of result.rows) totals[row.metric] = Number(row.n);
    return totals;
  }

  /** The last `days` days, oldest first, zeros included. */
  async daily(days: number): Promise<{ day: string; apiCalls: number; downloads: number }[]> {
    const result = await sql<{ day: string; api_calls: number; downloads: number }>`
      select to_char(g.day, 'YYYY-MM-DD') as day,
             coalesce(sum(u.count) filter (where u.metric = 'api_call'), 0) as api_calls,
             coalesce(sum(u.count) filter (where u.metric = 'download'), 0) as downloads
      from generate_series(current_date - ${days - 1}::int, current_date, interval '1 day') as g(day)
      left join opendata.usage_counters u on u.day = g.day::date
      group by g.day order by g.day`.execute(this.db);
    return result.rows.map((row) => ({
      day: row.day,
      apiCalls: Number(row.api_calls),
      downloads: Number(row.downloads),
    }));
  }
}
