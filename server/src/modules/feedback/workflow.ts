import type { Actor, AuditLog } from '../../platform/audit/audit';
import type { Db } from '../../platform/db/database';
import type { EventBus } from '../../platform/events/outbox';
import { AppError } from '../../platform/http/app-error';
import { feedbackErrors } from './feedback.errors';
import type { HistoryRepo } from './history.repo';
import type { FeedbackNotifications } from './notifications';
import type { Executor } from './notifier.port';
import type { Report } from './report.model';
import type { ReportPatch, ReportsRepo } from './reports.repo';
import {
  citizenVisibleStatuses,
  statusLabels,
  transitions,
  type ReportStatus,
  type TransitionName,
} from './report-states';

/** One workflow step: a transition (or, without one, a note that leaves the status as it is). */
export interface Step {
  readonly report: Report;
  readonly transition: TransitionName | null;
  /** The history action, also the audit action `feedback.report.<action>`. */
  readonly action: string;
  readonly actor: Actor;
  readonly patch?: ReportPatch;
  readonly note?: string | null;
  /** Defaults to whether the resulting status is one the citizen is told about. */
  readonly isPublic?: boolean;
  /** Outbox event type, written in the same transaction. */
  readonly event?: string;
  /** The agency acting or concerned, recorded in the history. */
  readonly agencyId?: string | null;
  /** Whether the citizen is sent the generic status message (published sends its own). */
  readonly notifyCitizen?: boolean;
  /** More work inside the same transaction once the step is written. */
  readonly then?: (trx: Executor, after: Report, historyId: number) => Promise<void>;
}

/**
 * Applies workflow steps: the report row, its history row, the outbox event, the audit entry and the
 * citizen's message commit together or not at all. The status guard in the UPDATE makes two people
 * acting on the same report at once safe: the second gets FEEDBACK_STATE_CHANGED.
 */
export class Workflow {
  constructor(
    private readonly db: Db,
    private readonly repo: ReportsRepo,
    private readonly history: HistoryRepo,
    private readonly events: EventBus,
    private readonly audit: AuditLog,
    private readonly notifications: FeedbackNotifications,
  ) {}

  apply(step: Step, executor?: Executor): Promise<Report> {
    if (executor) return this.#applyIn(executor, step);
    return this.db.transaction().execute((trx) => this.#applyIn(trx, step));
  }

  async #applyIn(trx: Executor, step: Step): Promise<Report> {
    const before = step.report;
    const to: ReportStatus = step.transition ? transitions[step.transition].to : before.status;
    const from: readonly ReportStatus[] = step.transition
      ? transitions[step.transition].from
      : [before.status];
    if (!from.includes(before.status)) {
      throw new AppError(
        feedbackErrors.INVALID_TRANSITION,
        { status: before.status, action: step.action },
        { status: statusLabels[before.status].vi },
      );
    }
    if (!(await this.repo.change(trx, before.id, from, { ...step.patch, status: to })))
      throw new AppError(feedbackErrors.STATE_CHANGED);
    const after = (await this.repo.findById(before.id, trx)) as Report;
    const historyId = await this.history.append(trx, {
      reportId: before.id,
      action: step.action,
      fromStatus: before.status,
      toStatus: to,
      actorId: step.actor.id,
      actorLabel: step.actor.label,
      agencyId: step.agencyId ?? after.agencyId,
      note: step.note ?? null,
      isPublic: step.isPublic ?? citizenVisibleStatuses.includes(to),
    });
    await this.#record(trx, step, before, after);
    const announce = step.notifyCitizen ?? (to !== before.status && citizenVisibleStatuses.includes(to));
    if (announce) await this.notifications.statusChanged(trx, after, to, historyId, step.note ?? null);
    if (step.then) await step.then(trx, after, historyId);
    return after;
  }

  async #record(trx: Executor, step: Step, before: Report, after: Report): Promise<void> {
    if (step.event) {
      await this.events.publish(trx, { type: step.event, payload: eventPayload(before, after) });
    }
    // Staff actions are audited; citizens and the platform's own jobs are in the history only.
    if (step.actor.id !== null) {
      await this.audit.record(trx, step.actor, {
        action: `feedback.report.${step.action}`,
        targetType: 'feedback_report',
        targetId: after.id,
        summary: {
          trackingCode: after.trackingCode,
          from: before.status,
          to: after.status,
          note: step.note ?? null,
        },
      });
    }
  }
}

/** What other modules learn from a feedback event: identifiers and classification, no personal data. */
export function eventPayload(before: Report | null, after: Report): Record<string, unknown> {
  return {
    reportId: after.id,
    trackingCode: after.trackingCode,
    status: after.status,
    previousStatus: before?.status ?? null,
    categoryCode: after.categoryCode,
    agencyId: after.agencyId,
    adminUnitCode: after.adminUnitCode,
    channel: after.channel,
    urgent: after.urgent,
    rating: after.rating?.value ?? null,
    isSample: after.isSample,
  };
}
