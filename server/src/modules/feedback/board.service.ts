import type { FeedbackContext } from './feedback.context';
import type { Report } from './report.model';
import type { ReportFilter } from './report-queries.repo';
import { agencyNames } from './service-support';
import { StatsRepo, type AgencyFigures, type StatsRange, type Totals } from './stats.repo';

export interface LeagueRow extends AgencyFigures {
  readonly agencyName: { readonly vi: string; readonly en: string | null } | null;
  /** On time among the answered-or-late; null before anything was due. */
  readonly onTimePercent: number | null;
  /** Satisfied among the rated; null before any rating. */
  readonly satisfactionPercent: number | null;
}

export interface BoardFigures extends Totals {
  readonly onTimePercent: number | null;
  readonly satisfactionPercent: number | null;
}

const DEFAULT_RANGE_DAYS = 90;
const MAP_LIMIT = 5000;

function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((1000 * part) / whole) / 10 : null;
}

/** Defaults a range to the last 90 days, like the Open311 listing. */
export function rangeOf(from?: Date, to?: Date): StatsRange {
  const end = to ?? new Date();
  return { from: from ?? new Date(end.getTime() - DEFAULT_RANGE_DAYS * 86_400_000), to: end };
}

/** The public board: published reports with their answers, the map, the agencies' league table. */
export class BoardService {
  readonly #stats: StatsRepo;

  constructor(private readonly ctx: FeedbackContext) {
    this.#stats = new StatsRepo(ctx.platform.db);
  }

  list(filter: ReportFilter): Promise<{ items: Report[]; total: number }> {
    return this.ctx.queries.list({ ...filter, publishedOnly: true, sort: filter.sort ?? 'published_desc' });
  }

  async mapped(filter: Omit<ReportFilter, 'limit' | 'offset'>): Promise<Report[]> {
    const page = await this.ctx.queries.page({ ...filter, publishedOnly: true, limit: MAP_LIMIT, offset: 0 });
    return page.filter((report) => report.location !== null);
  }

  /** Agencies ranked by on-time rate, then satisfaction, then volume. */
  async league(range: StatsRange): Promise<LeagueRow[]> {
    const rows = await this.#stats.byAgency(range);
    const names = await agencyNames(this.ctx);
    return rows
      .map((row) => ({
        ...row,
        agencyName: names.get(row.agencyId) ?? null,
        onTimePercent: percent(row.onTime, row.onTime + row.late),
        satisfactionPercent: percent(row.satisfied, row.rated),
      }))
      .sort(
        (a, b) =>
          (b.onTimePercent ?? -1) - (a.onTimePercent ?? -1) ||
          (b.satisfactionPercent ?? -1) - (a.satisfactionPercent ?? -1) ||
          b.received - a.received,
      );
  }

  async figures(range: StatsRange): Promise<BoardFigures> {
    const totals = await this.#stats.totals(range);
    return {
      ...totals,
      onTimePercent: percent(totals.onTime, totals.onTime + totals.late),
      satisfactionPercent: percent(totals.satisfied, totals.rated),
    };
  }

  publishedCount(): Promise<number> {
    return this.#stats.publishedCount();
  }
}
