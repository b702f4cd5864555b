import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';

export interface AgencyFigures {
  readonly agencyId: string;
  readonly received: number;
  readonly answered: number;
  readonly onTime: number;
  /** Answered after the deadline, or still unanswered past it. */
  readonly late: number;
  readonly open: number;
  readonly rated: number;
  readonly satisfied: number;
  readonly neutral: number;
  readonly unsatisfied: number;
}

export interface Totals {
  readonly received: number;
  readonly published: number;
  readonly open: number;
  readonly onTime: number;
  readonly late: number;
  readonly rated: number;
  readonly satisfied: number;
}

export interface StatsRange {
  readonly from: Date;
  readonly to: Date;
}

// One definition of "on time" and "late" for the league table and the totals.
const ON_TIME = sql`r.answered_at is not null and r.due_at is not null and r.answered_at <= r.due_at`;
const LATE = sql`(r.answered_at is not null and r.due_at is not null and r.answered_at > r.due_at)
  or (r.answered_at is null and r.due_at < now() and r.status in ('assigned', 'in_progress'))`;

/** Aggregates for the league table and the portal figures, over reports received in a range. */
export class StatsRepo {
  constructor(private readonly db: Db) {}

  async byAgency(range: StatsRange): Promise<AgencyFigures[]> {
    const result = await sql<AgencyFigures>`
      select r.agency_id as "agencyId",
        count(*) as received,
        count(*) filter (where r.answered_at is not null) as answered,
        count(*) filter (where ${ON_TIME}) as "onTime",
        count(*) filter (where ${LATE}) as late,
        count(*) filter (where r.status in ('assigned', 'in_progress')) as open,
        count(r.rating) as rated,
        count(*) filter (where r.rating = 'satisfied') as satisfied,
        count(*) filter (where r.rating = 'neutral') as neutral,
        count(*) filter (where r.rating = 'unsatisfied') as unsatisfied
      from feedback.reports r
      where r.agency_id is not null and r.received_at >= ${range.from} and r.received_at < ${range.to}
      group by r.agency_id`.execute(this.db);
    return result.rows.map((row) => ({
      ...row,
      received: Number(row.received),
      answered: Number(row.answered),
      onTime: Number(row.onTime),
      late: Number(row.late),
      open: Number(row.open),
      rated: Number(row.rated),
      satisfied: Number(row.satisfied),
      neutral: Number(row.neutral),
      unsatisfied: Number(row.unsatisfied),
    }));
  }

  async totals(range: StatsRange): Promise<Totals> {
    const result = await sql<Totals>`
      select count(*) as received,
        count(r.published_at) as published,
        count(*) filter (where r.status not in ('published', 'closed', 'rejected', 'merged')) as open,
        count(*) filter (where ${ON_TIME}) as "onTime",
        count(*) filter (where ${LATE}) as late,
        count(r.rating) as rated,
        count(*) filter (where r.rating = 'satisfied') as satisfied
      from feedback.reports r
      where r.received_at >= ${range.from} and r.received_at < ${range.to}`.execute(this.db);
    const row = result.rows[0];
    return {
      received: Number(row?.received ?? 0),
      published: Number(row?.published ?? 0),
      open: Number(row?.open ?? 0),
      onTime: Number(row?.onTime ?? 0),
      late: Number(row?.late ?? 0),
      rated: Number(row?.rated ?? 0),
      satisfied: Number(row?.satisfied ?? 0),
    };
  }

  async publishedCount(): Promise<number> {
    const result = await sql<{ count: number }>`
      select count(*) as count from feedback.reports where published_at is not null`.execute(this.db);
    return Number(result.rows[0]?.count ?? 0);
  }
}
