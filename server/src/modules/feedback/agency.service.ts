import type { Actor } from '../../platform/audit/audit';
import type { Principal } from '../../platform/auth/principal';
import { AppError } from '../../platform/http/app-error';
import { assertHolds } from './feedback.access';
import type { FeedbackContext } from './feedback.context';
import { feedbackErrors } from './feedback.errors';
import type { Report } from './report.model';
import { loadReport } from './service-support';

/** An agency working a report assigned to it: start, answer, ask for more time, or hand it back. */
export class AgencyService {
  constructor(private readonly ctx: FeedbackContext) {}

  async #held(principal: Principal, id: string): Promise<Report> {
    const report = await loadReport(this.ctx, id);
    assertHolds(principal, report);
    return report;
  }

  async accept(principal: Principal, id: string, note: string | null, actor: Actor): Promise<Report> {
    const report = await this.#held(principal, id);
    return this.ctx.workflow.apply({
      report,
      transition: 'accept',
      action: 'accepted',
      actor,
      note,
      patch: { statusNote: 'Cơ quan đang xử lý' },
    });
  }

  /** The agency's answer goes to the hub for review before anyone else sees it. */
  async respond(principal: Principal, id: string, answer: string, actor: Actor): Promise<Report> {
    const report = await this.#held(principal, id);
    return this.ctx.workflow.apply({
      report,
      transition: 'respond',
      action: 'answered',
      actor,
      note: answer,
      isPublic: false,
      event: 'feedback.report.answered',
      patch: { answer, answeredAt: 'now', answeredBy: principal.userId, reviewNote: null },
    });
  }

  async requestExtension(
    principal: Principal,
    id: string,
    input: { days: number; reason: string },
    actor: Actor,
  ): Promise<Report> {
    const report = await this.#held(principal, id);
    if (report.extension) throw new AppError(feedbackErrors.EXTENSION_PENDING);
    if (report.status !== 'assigned' && report.status !== 'in_progress')
      throw new AppError(
        feedbackErrors.INVALID_TRANSITION,
        { status: report.status },
        { status: report.status },
      );
    return this.ctx.workflow.apply({
      report,
      transition: null,
      action: 'extension_requested',
      actor,
      note: `+${input.days}: ${input.reason}`,
      isPublic: false,
      patch: { extensionDays: input.days, extensionReason: input.reason, extensionRequestedAt: 'now' },
    });
  }

  /** "Not ours": back to the hub's inbox to be reassigned; the agency no longer holds it. */
  async giveBack(principal: Principal, id: string, reason: string, actor: Actor): Promise<Report> {
    const report = await this.#held(principal, id);
    return this.ctx.workflow.apply({
      report,
      transition: 'return',
      action: 'returned',
      actor,
      note: reason,
      agencyId: report.agencyId,
      event: 'feedback.report.returned',
      patch: {
        agencyId: null,
        extensionDays: null,
        extensionReason: null,
        extensionRequestedAt: null,
      },
    });
  }
}
