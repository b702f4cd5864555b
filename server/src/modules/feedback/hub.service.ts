import type { Actor } from '../../platform/audit/audit';
import { AppError } from '../../platform/http/app-error';
import type { LatLon, Report } from './report.model';
import type { ReportPatch } from './reports.repo';
import type { FeedbackContext } from './feedback.context';
import { feedbackErrors } from './feedback.errors';
import { templateKeys } from './feedback.templates';
import { rejectionLabels, type RejectionReason } from './report-states';
import type { RoutingRule } from './routing.repo';
import { findReport, loadReport, resolveAgency, type AgencySummary } from './service-support';

export interface Classification {
  readonly categoryCode: string;
  readonly urgent?: boolean;
  readonly adminUnitCode?: string | null;
  readonly address?: string | null;
  readonly location?: LatLon | null;
  readonly note?: string | null;
}

/**
 * The 1022 hub's triage: classify, reject, merge duplicates and transfer (or reassign) to an agency.
 * Route access already requires an operator; every step is audited by the workflow.
 */
export class HubService {
  constructor(private readonly ctx: FeedbackContext) {}

  async classify(id: string, input: Classification, actor: Actor): Promise<Report> {
    const report = await loadReport(this.ctx, id);
    const category = await this.ctx.routing.category(input.categoryCode);
    if (!category?.active)
      throw new AppError(
        feedbackErrors.CATEGORY_NOT_FOUND,
        { code: input.categoryCode },
        { code: input.categoryCode },
      );
    const adminUnitCode =
      input.adminUnitCode === undefined
        ? report.adminUnitCode
        : input.adminUnitCode && (await this.ctx.platform.adminUnits.get(input.adminUnitCode)).code;
    const urgent = input.urgent ?? report.urgent;
    const due = await this.ctx.deadlines.due(report.receivedAt, category, urgent);
    return this.ctx.workflow.apply({
      report,
      transition: 'classify',
      action: 'classified',
      actor,
      note: input.note ?? null,
      isPublic: false,
      patch: {
        categoryCode: category.code,
        urgent,
        adminUnitCode: adminUnitCode ?? null,
        ...(input.address !== undefined ? { address: input.address } : {}),
        ...(input.location !== undefined ? { location: input.location } : {}),
        classifiedAt: 'now',
        dueAt: due.dueAt,
        deadlineWorkingDays: due.workingDays,
      },
    });
  }

  async reject(id: string, reason: RejectionReason, note: string | null, actor: Actor): Promise<Report> {
    const report = await loadReport(this.ctx, id);
    const label = rejectionLabels[reason].vi;
    return this.ctx.workflow.apply({
      report,
      transition: 'reject',
      action: 'rejected',
      actor,
      note: note ? `${label}: ${note}` : label,
      event: 'feedback.report.rejected',
      patch: { rejectionReason: reason, statusNote: note ? `${label}: ${note}` : label, closedAt: 'now' },
    });
  }

  /** Marks `id` a duplicate of `target`; its reporter and followers follow the target from now on. */
  async merge(id: string, target: string, note: string | null, actor: Actor): Promise<Report> {
    const report = await loadReport(this.ctx, id);
    const into = await findReport(this.ctx, target);
    if (!into || into.id === report.id || into.status === 'merged' || into.status === 'rejected')
      throw new AppError(feedbackErrors.MERGE_TARGET_INVALID);
    const statusNote = `Gộp vào phản ánh ${into.trackingCode}`;
    return this.ctx.workflow.apply({
      report,
      transition: 'merge',
      action: 'merged',
      actor,
      note: note ? `${statusNote}: ${note}` : statusNote,
      event: 'feedback.report.merged',
      patch: { mergedIntoId: into.id, statusNote, closedAt: 'now', agencyId: null },
      then: async (trx) => {
        await this.ctx.citizens.moveFollowers(trx, report.id, into.id);
        if (report.notify) {
          const added = await this.ctx.citizens.follow(trx, into.id, {
            ...report.notify,
            locale: report.locale,
          });
          if (added) await this.ctx.reports.addFollowerCount(trx, into.id);
        }
      },
    });
  }

  /** The agency the routing table names for the report's category and unit, if any. */
  async suggestion(id: string): Promise<{ rule: RoutingRule; agency: AgencySummary } | null> {
    const report = await loadReport(this.ctx, id);
    if (!report.categoryCode) return null;
    const rule = await this.ctx.routing.match(report.categoryCode, report.adminUnitCode);
    return rule ? { rule, agency: await resolveAgency(this.ctx, rule.agencyId) } : null;
  }

  /** Transfers to an agency (the suggested one when none is given); also reassigns. */
  async transfer(
    id: string,
    input: { agencyId?: string | null; note?: string | null },
    actor: Actor,
  ): Promise<Report> {
    const report = await loadReport(this.ctx, id);
    if (!report.categoryCode) throw new AppError(feedbackErrors.CATEGORY_REQUIRED);
    const agencyId = input.agencyId ?? (await this.suggestion(id))?.agency.id;
    if (!agencyId) throw new AppError(feedbackErrors.NO_ROUTE);
    const agency = await resolveAgency(this.ctx, agencyId);
    const category = await this.ctx.routing.category(report.categoryCode);
    const due = await this.ctx.deadlines.due(new Date(), category, report.urgent);
    const action = report.agencyId || report.status === 'returned' ? 'reassigned' : 'assigned';
    return this.ctx.workflow.apply({
      report,
      transition: 'transfer',
      action,
      actor,
      note: `${agency.nameVi}${input.note ? `: ${input.note}` : ''}`,
      event: 'feedback.report.assigned',
      agencyId: agency.id,
      patch: assignment(agency, due),
      then: (trx, after, historyId) =>
        this.ctx.notifications.toAgency(
          trx,
          after,
          `assigned:${historyId}`,
          templateKeys.agencyAssigned,
          agency,
        ),
    });
  }
}

/** A fresh assignment: the agency, a new deadline clock, no reminder, escalation or extension yet. */
function assignment(
  agency: AgencySummary,
  due: { dueAt: Date | null; workingDays: number | null },
): ReportPatch {
  return {
    agencyId: agency.id,
    assignedAt: 'now',
    dueAt: due.dueAt,
    deadlineWorkingDays: due.workingDays,
    remindedAt: null,
    escalatedAt: null,
    extensionDays: null,
    extensionReason: null,
    extensionRequestedAt: null,
    statusNote: `Đã chuyển ${agency.nameVi}`,
  };
}
