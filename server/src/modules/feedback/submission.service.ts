import type { Selectable } from 'kysely';
import type { Actor } from '../../platform/audit/audit';
import { hashSecret, randomSecret } from '../../platform/auth/secrets';
import { AppError } from '../../platform/http/app-error';
import type { Locale } from '../../platform/i18n/locale';
import { checkAttributes, type AttributeValue } from './attributes';
import type { ReportsTable } from './feedback.tables';
import { hasContact, normaliseContact, notifyTarget, type ContactInput } from './contact';
import type { FeedbackContext } from './feedback.context';
import { feedbackErrors } from './feedback.errors';
import type { Executor } from './notifier.port';
import { toReport, type LatLon, type Report } from './report.model';
import type { NewReportRow } from './reports.repo';
import type { Channel, NotifyChannel } from './report-states';
import type { Category } from './routing.repo';
import { TtlMemo } from './memo';
import { SubmissionRepo, type SubmittedExtras } from './submission.repo';

/** A report as it arrives from any channel (web form, operator console, Open311, SMS, Zalo). */
export interface Submission {
  readonly channel: Channel;
  readonly categoryCode: string | null;
  readonly description: string;
  readonly address: string | null;
  readonly location: LatLon | null;
  readonly adminUnitCode?: string | null;
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
  readonly contact?: ContactInput | null;
  readonly preferredChannel?: NotifyChannel | null;
  readonly locale: Locale;
  /** The consent text version the citizen accepted; channels where writing in implies consent pass one too. */
  readonly consentVersion: string | null;
  readonly urgent?: boolean;
  /** The channel's message id (SMS, Zalo): a retried delivery returns the report already filed. */
  readonly externalRef?: string | null;
  /** The operator who typed it in, or the owner of the Open311 api_key. */
  readonly submittedBy?: string | null;
  /** Operator entry: the operator classified it while on the phone. */
  readonly classified?: boolean;
  /** Open311 media_url: a link to a photo kept elsewhere. */
  readonly mediaUrl?: string;
  /** Staff entry (the call centre): recorded in the audit log as well as in the history. */
  readonly audited?: boolean;
}

export interface Submitted {
  readonly report: Report;
  /** Secret for the citizen's own report (photos, rating); returned once, only its hash is stored. */
  readonly ownerToken: string | null;
  /** False when a retried delivery found the report filed the first time. */
  readonly created: boolean;
}

const OWNER_TOKEN_DAYS = 180;
// Beyond this a map pin is not in the city: the nearest unit centroid would be a wrong guess.
const UNIT_LOOKUP_MAX_METRES = 30_000;

/**
 * Files reports. The report row, its first history row, the outbox event and the owner token are
 * committed (by one statement, or one transaction) before the tracking code is returned: a report
 * acknowledged to a citizen survives a crash right after. The acknowledgement message follows the
 * outbox event (`acknowledge`), so it is sent at least once whatever happens after the commit, and
 * filing never waits on the notifier.
 */
export class SubmissionService {
  // Categories change rarely and are read by every submission: an edit reaches every process within seconds.
  readonly #categories = new TtlMemo<Category | undefined>(5_000);

  readonly #submissions: SubmissionRepo;

  constructor(private readonly ctx: FeedbackContext) {
    this.#submissions = new SubmissionRepo(ctx.platform.database, ctx.platform.events);
  }

  async submit(submission: Submission, actor: Actor): Promise<Submitted> {
    const prepared = await this.#prepare(submission);
    const audited = submission.audited ?? false;
    if (this.#isOneStatement(prepared.row, audited)) return this.#storeAlone(prepared, actor);
    const submitted = await this.ctx.platform.db
      .transaction()
      .execute((trx) => this.#store(trx, prepared, actor, audited));
    if (submitted.created) this.ctx.platform.events.published();
    return submitted;
  }

  /**
   * Most reports (web, app, Open311) are filed by the submission statement alone; a transaction is
   * needed only to look for a retried delivery first (SMS, Zalo), or to audit the operator who typed it.
   */
  #isOneStatement(row: NewReportRow, audited: boolean): boolean {
    return !row.externalRef && !audited;
  }

  /**
   * The acknowledgement to the reporter, on the channel they chose: called for the report's
   * `feedback.report.submitted` event. Its message reference makes a redelivered event harmless.
   */
  async acknowledge(reportId: string): Promise<void> {
    const report = await this.ctx.reports.findById(reportId);
    if (report) await this.ctx.notifications.submitted(this.ctx.platform.db, report);
  }

  /** Everything that reads outside the transaction (PGlite has one connection: no nested reads). */
  async #prepare(submission: Submission): Promise<Prepared> {
    assertPlace(submission);
    const category = submission.categoryCode ? await this.category(submission.categoryCode) : undefined;
    const contact = normaliseContact(submission.contact);
    if (hasContact(contact) && !submission.consentVersion)
      throw new AppError(feedbackErrors.CONSENT_REQUIRED);
    const attributes = {
      ...(category
        ? checkAttributes(
            category.attributes,
            submission.attributes ?? {},
            submission.channel === 'open311' ? 'keep' : 'refuse',
          )
        : {}),
      ...(submission.mediaUrl ? { media_url: submission.mediaUrl.slice(0, 1000) } : {}),
    };
    const urgent = submission.urgent ?? false;
    const { dueAt, workingDays } = await this.ctx.deadlines.due(new Date(), category, urgent);
    const adminUnitCode = submission.adminUnitCode
      ? (await this.ctx.platform.adminUnits.get(submission.adminUnitCode)).code
      : null;
    const row: NewReportRow = {
      categoryCode: category?.code ?? null,
      status: submission.classified && category ? 'classified' : 'received',
      channel: submission.channel,
      description: submission.description,
      address: submission.address?.trim() || null,
      location: submission.location,
      adminUnitCode,
      urgent,
      attributes,
      reporter: contact,
      isAnonymous: !hasContact(contact),
      locale: submission.locale,
      notify: notifyTarget(submission.channel, contact, submission.preferredChannel ?? null),
      consentVersion: hasContact(contact) ? submission.consentVersion : null,
      externalRef: submission.externalRef ?? null,
      submittedBy: submission.submittedBy ?? null,
      dueAt,
      deadlineWorkingDays: workingDays,
    };
    return { row, categoryName: category ? { vi: category.nameVi, en: category.nameEn } : null };
  }

  /** The category as recently read (see #categories), or undefined. */
  findCategory(code: string): Promise<Category | undefined> {
    return this.#categories.get(code, () => this.ctx.routing.category(code));
  }

  /** An active category, or FEEDBACK_CATEGORY_NOT_FOUND / _INACTIVE. */
  async category(code: string): Promise<Category> {
    const category = await this.findCategory(code);
    if (!category) throw new AppError(feedbackErrors.CATEGORY_NOT_FOUND, { code }, { code });
    if (!category.active) throw new AppError(feedbackErrors.CATEGORY_INACTIVE, { code }, { code });
    return category;
  }

  /**
   * Places reports filed with a map position and no unit in their administrative unit: a job, off the
   * submission's hot path (and not an outbox handler: handlers run inside the dispatcher's transaction,
   * where a read of ours would wait forever for PGlite's one connection). Returns how many it tried.
   */
  async locatePending(limit = 500): Promise<number> {
    const pending = await this.ctx.reports.unlocated(limit);
    for (const report of pending) {
      const found = await this.ctx.platform.adminUnits
        .lookup(report.latitude, report.longitude, undefined, { maxDistanceMetres: UNIT_LOOKUP_MAX_METRES })
        .catch(() => null);
      await this.ctx.reports.setLocated(report.id, found?.unit.code ?? null);
    }
    return pending.length;
  }

  /** The statement commits report, history, owner token and event at once (see SubmissionRepo). */
  async #storeAlone(prepared: Prepared, actor: Actor): Promise<Submitted> {
    const ownerToken = randomSecret();
    const inserted = await this.#submissions.insertAlone(prepared.row, ownerExtras(actor, ownerToken));
    return { report: reportOf(inserted, prepared), ownerToken, created: true };
  }

  async #store(trx: Executor, prepared: Prepared, actor: Actor, audited: boolean): Promise<Submitted> {
    const { row } = prepared;
    if (row.externalRef) {
      const existing = await this.ctx.reports.findByExternalRef(trx, row.channel, row.externalRef);
      if (existing) return { report: existing, ownerToken: null, created: false };
    }
    const ownerToken = randomSecret();
    const inserted = await this.#submissions.insertIn(trx, row, ownerExtras(actor, ownerToken));
    const report = reportOf(inserted, prepared);
    if (audited) {
      await this.ctx.platform.audit.record(trx, actor, {
        action: 'feedback.report.submitted',
        targetType: 'feedback_report',
        targetId: report.id,
        summary: { trackingCode: report.trackingCode, channel: report.channel },
      });
    }
    return { report, ownerToken, created: true };
  }
}

function ownerExtras(actor: Actor, ownerToken: string): SubmittedExtras {
  return {
    actorId: actor.id,
    actorLabel: actor.label,
    tokenHash: hashSecret(ownerToken),
    tokenExpiresAt: new Date(Date.now() + OWNER_TOKEN_DAYS * 86_400_000),
  };
}

function reportOf(inserted: Selectable<ReportsTable>, prepared: Prepared): Report {
  return toReport({
    ...inserted,
    category_name_vi: prepared.categoryName?.vi ?? null,
    category_name_en: prepared.categoryName?.en ?? null,
    overdue: false,
  });
}

interface Prepared {
  readonly row: NewReportRow;
  readonly categoryName: { readonly vi: string; readonly en: string | null } | null;
}

/** The web form and the app put a pin on the map or type an address; other channels may not. */
function assertPlace(submission: Submission): void {
  const needsPlace = submission.channel === 'web' || submission.channel === 'mobile';
  if (needsPlace && !submission.location && !submission.address?.trim())
    throw new AppError(feedbackErrors.LOCATION_REQUIRED);
}
