import type { Actor } from '../../platform/audit/audit';
import { hashSecret, randomSecret } from '../../platform/auth/secrets';
import { AppError } from '../../platform/http/app-error';
import type { FeedbackContext } from './feedback.context';
import { feedbackErrors } from './feedback.errors';
import { formatDue } from './notifications';
import type { Executor } from './notifier.port';
import type { Report } from './report.model';
import { agencyNames, loadReport } from './service-support';

const RATING_TOKEN_DAYS = 30;
// status_notes in Open311 is a note, not the whole answer.
const STATUS_NOTE_MAX = 2000;

/** The hub's review of answers (publish or send back) and of extension requests. */
export class ReviewService {
  constructor(private readonly ctx: FeedbackContext) {}

  /** Publishes the agency's answer (as edited by the reviewer, if edited) and tells the citizen. */
  async approve(
    id: string,
    input: { answer?: string | null; note?: string | null },
    actor: Actor,
  ): Promise<Report> {
    const report = await loadReport(this.ctx, id);
    const answer = input.answer?.trim() || report.answer || '';
    const agencyName = (await agencyNames(this.ctx)).get(report.agencyId ?? '')?.vi ?? '';
    return this.ctx.workflow.apply({
      report,
      transition: 'approve',
      action: 'published',
      actor,
      note: answer,
      notifyCitizen: false,
      event: 'feedback.report.published',
      patch: {
        answer,
        publishedAt: 'now',
        statusNote: answer.slice(0, STATUS_NOTE_MAX),
        reviewNote: input.note ?? null,
      },
      then: async (trx, after, historyId) => {
        const token = await this.#ratingToken(trx, after.id);
        await this.ctx.notifications.answerPublished(trx, after, historyId, agencyName, token);
      },
    });
  }

  async sendBack(id: string, note: string, actor: Actor): Promise<Report> {
    const report = await loadReport(this.ctx, id);
    return this.ctx.workflow.apply({
      report,
      transition: 'sendBack',
      action: 'sent_back',
      actor,
      note,
      isPublic: false,
      notifyCitizen: false,
      patch: { reviewNote: note },
    });
  }

  async decideExtension(id: string, approve: boolean, note: string | null, actor: Actor): Promise<Report> {
    const report = await loadReport(this.ctx, id);
    if (!report.extension) throw new AppError(feedbackErrors.NO_EXTENSION_PENDING);
    const cleared = { extensionDays: null, extensionReason: null, extensionRequestedAt: null } as const;
    if (!approve) {
      return this.ctx.workflow.apply({
        report,
        transition: null,
        action: 'extension_denied',
        actor,
        note,
        isPublic: false,
        patch: cleared,
      });
    }
    const dueAt = await this.ctx.deadlines.extend(report.dueAt ?? new Date(), report.extension.days);
    return this.ctx.workflow.apply({
      report,
      transition: null,
      action: 'extension_approved',
      actor,
      // Public: the citizen may see that the deadline moved, and to when.
      note: `Gia hạn đến ${formatDue(dueAt)}: ${report.extension.reason}`,
      isPublic: true,
      notifyCitizen: false,
      patch: { ...cleared, dueAt, remindedAt: null, escalatedAt: null },
    });
  }

  async #ratingToken(trx: Executor, reportId: string): Promise<string> {
    const token = randomSecret();
    await this.ctx.citizens.storeToken(trx, {
      hash: hashSecret(token),
      reportId,
      purpose: 'rating',
      expiresAt: new Date(Date.now() + RATING_TOKEN_DAYS * 86_400_000),
    });
    return token;
  }
}
