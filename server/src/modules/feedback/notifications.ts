import { translate, type Locale } from '../../platform/i18n/locale';
import type { CitizensRepo, Follower } from './citizens.repo';
import { templateKeys } from './feedback.templates';
import type { Executor, FeedbackNotifier, FeedbackRecipient } from './notifier.port';
import type { Report } from './report.model';
import { statusLabels, type ReportStatus } from './report-states';

/** Links put into messages; the web app serves these pages. */
export interface FeedbackLinks {
  track(code: string): string;
  rate(code: string, token: string): string;
  console(reportId: string): string;
}

export function linksFor(publicUrl: string): FeedbackLinks {
  const base = publicUrl.replace(/\/+$/, '');
  return {
    track: (code) => `${base}/feedback/track/${encodeURIComponent(code)}`,
    rate: (code, token) =>
      `${base}/feedback/track/${encodeURIComponent(code)}?token=${encodeURIComponent(token)}#rate`,
    console: (reportId) => `${base}/console/feedback/reports/${reportId}`,
  };
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * "23:59 26/11/2026" in Vietnam time (UTC+7, no daylight saving), for messages and Open311 notices.
 * By hand: Intl formatting costs tens of microseconds and a 1000-request Open311 page calls it 1000 times.
 */
export function formatDue(date: Date | null): string {
  if (!date) return '';
  const local = new Date(date.getTime() + 7 * 3_600_000);
  const time = `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`;
  return `${time} ${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
}

/**
 * Who hears about a report and what they are told. Every message is queued through the notifier in
 * the caller's transaction, with a reference that makes a retried step send nothing twice.
 */
export class FeedbackNotifications {
  constructor(
    private readonly notifier: FeedbackNotifier,
    private readonly citizens: CitizensRepo,
    private readonly links: FeedbackLinks,
  ) {}

  /** The reporter (on the channel they came from) and every follower. */
  async #citizenRecipients(executor: Executor, report: Report): Promise<FeedbackRecipient[]> {
    const followers: Follower[] = await this.citizens.followers(executor, report.id);
    const recipients: FeedbackRecipient[] = report.notify
      ? [{ channel: report.notify.channel, address: report.notify.address, locale: report.locale }]
      : [];
    for (const follower of followers) {
      if (!recipients.some((r) => r.channel === follower.channel && r.address === follower.address))
        recipients.push(follower);
    }
    return recipients;
  }

  async #toCitizens(
    executor: Executor,
    report: Report,
    step: string,
    template: string,
    params: (locale: Locale) => Record<string, string | number | null>,
  ): Promise<void> {
    for (const recipient of await this.#citizenRecipients(executor, report)) {
      await this.notifier.send(executor, {
        recipient,
        template,
        params: params(recipient.locale),
        topic: `feedback.report.${report.trackingCode}`,
        reference: `feedback:${report.id}:${step}:${recipient.channel}:${recipient.address}`,
      });
    }
  }

  /** The acknowledgement: only the reporter (a report just filed has no followers yet). */
  async submitted(executor: Executor, report: Report): Promise<void> {
    if (!report.notify) return;
    await this.notifier.send(executor, {
      recipient: { channel: report.notify.channel, address: report.notify.address, locale: report.locale },
      template: templateKeys.received,
      params: {
        code: report.trackingCode,
        trackUrl: this.links.track(report.trackingCode),
        dueDate: formatDue(report.dueAt),
      },
      topic: `feedback.report.${report.trackingCode}`,
      reference: `feedback:${report.id}:received:${report.notify.channel}:${report.notify.address}`,
    });
  }

  /** A citizen-visible status change; `step` (the history id) keys the message. */
  async statusChanged(
    executor: Executor,
    report: Report,
    status: ReportStatus,
    step: number,
    note: string | null,
  ): Promise<void> {
    await this.#toCitizens(executor, report, String(step), templateKeys.statusChanged, (locale) => ({
      code: report.trackingCode,
      status: translate(statusLabels[status], locale),
      note: note ?? '',
      trackUrl: this.links.track(report.trackingCode),
    }));
  }

  async answerPublished(
    executor: Executor,
    report: Report,
    step: number,
    agencyName: string,
    ratingToken: string,
  ): Promise<void> {
    await this.#toCitizens(executor, report, String(step), templateKeys.answerPublished, () => ({
      code: report.trackingCode,
      agency: agencyName,
      answer: report.answer ?? '',
      ratingUrl: this.links.rate(report.trackingCode, ratingToken),
      trackUrl: this.links.track(report.trackingCode),
    }));
  }

  /** Tells an agency about a report: by its e-mail, and its head (a user) when one is recorded. */
  async toAgency(
    executor: Executor,
    report: Report,
    step: string,
    template: string,
    agency: { nameVi: string; email: string | null; headUserId: string | null },
    toHead = false,
  ): Promise<void> {
    const recipients: FeedbackRecipient[] = [];
    if (toHead && agency.headUserId)
      recipients.push({ channel: 'user', address: agency.headUserId, locale: 'vi' });
    if (agency.email) recipients.push({ channel: 'email', address: agency.email, locale: 'vi' });
    for (const recipient of recipients) {
      await this.notifier.send(executor, {
        recipient,
        template,
        params: {
          code: report.trackingCode,
          category: report.categoryName?.vi ?? '',
          agency: agency.nameVi,
          dueDate: formatDue(report.dueAt),
          consoleUrl: this.links.console(report.id),
        },
        topic: `feedback.report.${report.trackingCode}`,
        reference: `feedback:${report.id}:${step}:${recipient.channel}:${recipient.address}`,
      });
    }
  }
}
