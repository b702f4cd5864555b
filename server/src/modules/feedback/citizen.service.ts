import { systemActor, type Actor } from '../../platform/audit/audit';
import { hashSecret } from '../../platform/auth/secrets';
import { AppError } from '../../platform/http/app-error';
import type { Follower } from './citizens.repo';
import { normaliseContact } from './contact';
import type { FeedbackContext } from './feedback.context';
import { feedbackErrors } from './feedback.errors';
import type { HistoryEntry } from './history.repo';
import type { Executor } from './notifier.port';
import type { Photo } from './photos.repo';
import type { Report } from './report.model';
import type { Rating } from './report-states';
import { loadByCode } from './service-support';
import { SimilarRepo, type SimilarReport } from './similar.repo';
import type { Step } from './workflow';

/** How a citizen proves a report is theirs: its token, or writing from the contact it was filed with. */
export type CitizenProof =
  | { readonly token: string }
  | { readonly sender: { readonly channel: 'sms' | 'zalo'; readonly address: string } };

export interface TrackedReport {
  readonly report: Report;
  readonly history: HistoryEntry[];
  readonly photos: Photo[];
  readonly mergedInto: string | null;
}

const citizenActor: Actor = { id: null, label: 'citizen' };

/** What citizens do without an account: track, follow, look for duplicates, rate the answer. */
export class CitizenService {
  readonly #similar: SimilarRepo;

  constructor(private readonly ctx: FeedbackContext) {
    this.#similar = new SimilarRepo(ctx.platform.db);
  }

  async track(code: string): Promise<TrackedReport> {
    const report = await loadByCode(this.ctx, code);
    const [history, photos, mergedInto] = await Promise.all([
      this.ctx.history.forReport(report.id, true),
      report.publishedAt ? this.ctx.photos.forReport(report.id) : Promise.resolve([]),
      report.mergedIntoId ? this.ctx.reports.findById(report.mergedIntoId) : Promise.resolve(undefined),
    ]);
    return { report, history, photos, mergedInto: mergedInto?.trackingCode ?? null };
  }

  /** Follows a report (the one it was merged into, if merged); true when newly following. */
  async follow(code: string, follower: Follower): Promise<{ report: Report; added: boolean }> {
    let report = await loadByCode(this.ctx, code);
    if (report.mergedIntoId) report = (await this.ctx.reports.findById(report.mergedIntoId)) ?? report;
    const address = this.#address(follower);
    const target = report;
    const added = await this.ctx.platform.db.transaction().execute(async (trx) => {
      const isNew = await this.ctx.citizens.follow(trx, target.id, { ...follower, address });
      if (isNew) await this.ctx.reports.addFollowerCount(trx, target.id);
      return isNew;
    });
    return { report: target, added };
  }

  #address(follower: Follower): string {
    const contact = normaliseContact(
      follower.channel === 'email'
        ? { email: follower.address }
        : follower.channel === 'sms'
          ? { phone: follower.address }
          : { zaloId: follower.address },
    );
    return (
      (follower.channel === 'email'
        ? contact.email
        : follower.channel === 'sms'
          ? contact.phone
          : contact.zaloId) ?? ''
    );
  }

  async similar(query: {
    categoryCode: string;
    latitude: number;
    longitude: number;
    text: string;
    limit: number;
  }): Promise<SimilarReport[]> {
    const category = await this.ctx.routing.category(query.categoryCode);
    if (!category) return [];
    return this.#similar.find({ ...query, radiusMetres: category.duplicateRadiusMetres });
  }

  /**
   * Rates the published answer. Satisfied or neutral closes the report; unsatisfied within the reopen
   * window reopens it for the hub to reassign; later, the rating is only recorded.
   */
  async rate(
    code: string,
    proof: CitizenProof,
    input: { rating: Rating; comment: string | null },
  ): Promise<Report> {
    const report = await loadByCode(this.ctx, code);
    await this.#assertOwner(report, proof);
    const ratable =
      report.publishedAt !== null && (report.status === 'published' || report.status === 'closed');
    if (!ratable) throw new AppError(feedbackErrors.NOT_RATABLE);
    if (report.rating && report.publishedAt && report.rating.ratedAt >= report.publishedAt)
      throw new AppError(feedbackErrors.ALREADY_RATED);
    const step = this.#ratingStep(report, input);
    const rated = { ...step, then: (trx: Executor, after: Report) => this.#ratedEvent(trx, after) };
    return this.ctx.workflow.apply(rated);
  }

  #ratingStep(report: Report, input: { rating: Rating; comment: string | null }): Step {
    const windowEnds = (report.publishedAt?.getTime() ?? 0) + this.ctx.settings.reopenWindowDays * 86_400_000;
    const patch = { rating: input.rating, ratingComment: input.comment, ratedAt: 'now' as const };
    const note = input.comment ? `${input.rating}: ${input.comment}` : input.rating;
    const base = { report, actor: citizenActor, note, isPublic: true };
    if (report.status === 'closed') return { ...base, transition: null, action: 'rated', patch };
    if (input.rating === 'unsatisfied' && Date.now() < windowEnds) {
      return {
        ...base,
        transition: 'reopen',
        action: 'reopened',
        event: 'feedback.report.reopened',
        patch: {
          ...patch,
          countReopen: true,
          closedAt: null,
          statusNote: `Người phản ánh chưa hài lòng${input.comment ? `: ${input.comment}` : ''}`,
        },
      };
    }
    return { ...base, transition: 'close', action: 'rated', patch: { ...patch, closedAt: 'now' } };
  }

  async #ratedEvent(trx: Executor, after: Report): Promise<void> {
    await this.ctx.platform.events.publish(trx, {
      type: 'feedback.report.rated',
      payload: {
        reportId: after.id,
        trackingCode: after.trackingCode,
        agencyId: after.agencyId,
        rating: after.rating?.value ?? null,
        isSample: after.isSample,
      },
    });
  }

  async #assertOwner(report: Report, proof: CitizenProof): Promise<void> {
    if ('token' in proof) {
      if (await this.ctx.citizens.tokenValid(report.id, hashSecret(proof.token))) return;
    } else if (
      report.notify?.channel === proof.sender.channel &&
      report.notify.address === proof.sender.address
    ) {
      return;
    }
    throw new AppError(feedbackErrors.TOKEN_INVALID);
  }

  /** Job: published answers nobody rated within the window are closed. */
  async closeUnrated(limit = 500): Promise<number> {
    const cutoff = new Date(Date.now() - this.ctx.settings.reopenWindowDays * 86_400_000);
    const due = await this.ctx.queries.page({
      statuses: ['published'],
      publishedBefore: cutoff,
      limit,
      offset: 0,
    });
    for (const report of due) {
      await this.ctx.workflow
        .apply({
          report,
          transition: 'close',
          action: 'closed_unrated',
          actor: systemActor,
          notifyCitizen: false,
          patch: { closedAt: 'now' },
        })
        .catch((error: unknown) =>
          this.ctx.platform.logger.warn({ err: error, report: report.id }, 'close failed'),
        );
    }
    return due.length;
  }
}
