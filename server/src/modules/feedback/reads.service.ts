import type { Principal } from '../../platform/auth/principal';
import { AppError } from '../../platform/http/app-error';
import { normalisePhone } from './contact';
import { assertCanRead, queueScope } from './feedback.access';
import type { FeedbackContext } from './feedback.context';
import { feedbackErrors } from './feedback.errors';
import type { HistoryEntry } from './history.repo';
import type { Photo } from './photos.repo';
import type { Report } from './report.model';
import type { ReportFilter } from './report-queries.repo';
import type { ReportStatus } from './report-states';
import { loadReport } from './service-support';

export interface StaffReportView {
  readonly report: Report;
  readonly history: HistoryEntry[];
  readonly photos: Photo[];
  readonly mergedInto: string | null;
}

/** What an agency's queue shows by default: its open work and answers waiting for review. */
const queueStatuses: readonly ReportStatus[] = ['assigned', 'in_progress', 'answered'];

/** Staff reads: the hub's inbox, agency queues, one report in full, a caller's earlier reports. */
export class ReadsService {
  constructor(private readonly ctx: FeedbackContext) {}

  inbox(filter: ReportFilter): Promise<{ items: Report[]; total: number }> {
    return this.ctx.queries.list(filter);
  }

  /** Reports assigned to the caller's agencies (all agencies for the hub), narrowed to `agencyId`. */
  queue(
    principal: Principal,
    filter: ReportFilter & { agencyId?: string },
  ): Promise<{ items: Report[]; total: number }> {
    const scope = queueScope(principal);
    let agencyIds: readonly string[] | undefined;
    if (filter.agencyId) {
      if (scope !== 'all' && !scope.includes(filter.agencyId))
        throw new AppError(feedbackErrors.OUTSIDE_SCOPE);
      agencyIds = [filter.agencyId];
    } else if (scope !== 'all') {
      agencyIds = scope;
    }
    return this.ctx.queries.list({
      ...filter,
      statuses: filter.statuses?.length ? filter.statuses : queueStatuses,
      ...(agencyIds ? { agencyIds } : {}),
      sort: filter.sort ?? 'due_asc',
    });
  }

  async get(principal: Principal, id: string): Promise<StaffReportView> {
    const report = await loadReport(this.ctx, id);
    assertCanRead(principal, report);
    const [history, photos, mergedInto] = await Promise.all([
      this.ctx.history.forReport(id, false),
      this.ctx.photos.forReport(id),
      report.mergedIntoId ? this.ctx.reports.findById(report.mergedIntoId) : Promise.resolve(undefined),
    ]);
    return { report, history, photos, mergedInto: mergedInto?.trackingCode ?? null };
  }

  /** The caller's earlier reports while they are on the line (operators only; never public). */
  async byCaller(phone: string, limit: number): Promise<Report[]> {
    const normalised = normalisePhone(phone);
    if (!normalised) throw new AppError(feedbackErrors.CONTACT_INVALID, { field: 'phone' });
    return this.ctx.queries.page({ reporterPhone: normalised, limit, offset: 0 });
  }
}
