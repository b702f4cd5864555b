import { translate, type Locale, type Localized } from '../../platform/i18n/locale';
import { AppError } from '../../platform/http/app-error';
import type { CitizenService } from './citizen.service';
import { normalisePhone } from './contact';
import type { FeedbackLinks } from './notifications';
import type { InboundHandler, InboundMessage, InboundReply } from './notifier.port';
import { ratings, statusLabels } from './report-states';
import type { SubmissionService } from './submission.service';

const CODE = /\bPA-\d{4}-\d{6,}\b/i;
// "DG PA-2026-000123 1 cảm ơn": rate (1 satisfied, 2 neutral, 3 unsatisfied) with an optional comment.
const RATE = /^\s*(?:DG|DANH\s*GIA|ĐÁNH\s*GIÁ)\s+(PA-\d{4}-\d{6,})\s+([123])\b\s*([\s\S]*)$/i;
// A message that is only a code, optionally after a word such as "TRA" or "KT": a status query.
const TRACK = /^\s*(?:[\p{L}]{1,10}\s+)?(PA-\d{4}-\d{6,})\s*[.!?]?\s*$/iu;
const MIN_REPORT_LENGTH = 10;
// Sending an SMS or Zalo message to the hotline is the citizen's own act of giving us the number.
const CHANNEL_CONSENT = 'channel-message';

const replies = {
  received: {
    vi: '1022 Da Nang: da tiep nhan phan anh, ma {code}. Tra cuu: {url}',
    en: '1022 Da Nang: report received, code {code}. Track it: {url}',
  },
  status: { vi: '1022: phan anh {code} - {status}. {note}', en: '1022: report {code} - {status}. {note}' },
  rated: {
    vi: '1022: cam on ban da danh gia phan anh {code}.',
    en: '1022: thank you for rating report {code}.',
  },
  notFound: { vi: '1022: khong tim thay phan anh {code}.', en: '1022: no report {code}.' },
  refused: { vi: '1022: {reason}', en: '1022: {reason}' },
  help: {
    vi: '1022 Da Nang: nhan tin noi dung phan anh (it nhat 10 ky tu) de gui phan anh; gui ma PA-... de tra cuu.',
    en: '1022 Da Nang: text your report (at least 10 characters) to file it; send a PA-... code to track one.',
  },
} satisfies Record<string, Localized>;

function reply(text: Localized, locale: Locale, params: Record<string, unknown> = {}): InboundReply {
  return { text: translate(text, locale, params) };
}

/**
 * The inbound fallback for SMS and Zalo: a rating command, a status query by tracking code, or
 * otherwise a new report filed from the message (idempotent by the channel's message id).
 */
export function inboundHandler(
  submissions: SubmissionService,
  citizens: CitizenService,
  links: FeedbackLinks,
): InboundHandler {
  return async (message) => {
    const locale = message.locale ?? 'vi';
    try {
      const rate = RATE.exec(message.text);
      if (rate) return await rateFrom(citizens, message, rate, locale);
      const track = TRACK.exec(message.text);
      if (track?.[1]) return await trackFor(citizens, track[1], locale);
      if (message.text.trim().length < MIN_REPORT_LENGTH) return reply(replies.help, locale);
      return await fileFrom(submissions, links, message, locale);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const code = CODE.exec(message.text)?.[0]?.toUpperCase() ?? '';
      if (error.status === 404) return reply(replies.notFound, locale, { code });
      return reply(replies.refused, locale, {
        reason: translate(error.definition.message, locale, error.params),
      });
    }
  };
}

function senderAddress(message: InboundMessage): string {
  return message.channel === 'sms' ? (normalisePhone(message.from) ?? message.from) : message.from;
}

async function rateFrom(
  citizens: CitizenService,
  message: InboundMessage,
  match: RegExpExecArray,
  locale: Locale,
): Promise<InboundReply> {
  const code = (match[1] ?? '').toUpperCase();
  const rating = ratings[Number(match[2]) - 1] ?? 'neutral';
  const comment = match[3]?.trim() || null;
  await citizens.rate(
    code,
    { sender: { channel: message.channel, address: senderAddress(message) } },
    { rating, comment },
  );
  return reply(replies.rated, locale, { code });
}

async function trackFor(citizens: CitizenService, code: string, locale: Locale): Promise<InboundReply> {
  const { report } = await citizens.track(code);
  return reply(replies.status, locale, {
    code: report.trackingCode,
    status: translate(statusLabels[report.status], locale),
    note: report.publishedAt ? (report.answer ?? '').slice(0, 200) : '',
  });
}

async function fileFrom(
  submissions: SubmissionService,
  links: FeedbackLinks,
  message: InboundMessage,
  locale: Locale,
): Promise<InboundReply> {
  const contact =
    message.channel === 'sms'
      ? { phone: message.from }
      : { zaloId: message.from, phone: normalisePhone(message.phone) };
  const { report } = await submissions.submit(
    {
      channel: message.channel,
      categoryCode: null,
      description: message.text.trim().slice(0, 4000),
      address: null,
      location: message.location ?? null,
      contact,
      locale,
      consentVersion: CHANNEL_CONSENT,
      externalRef: message.messageId,
    },
    { id: null, label: `${message.channel}:${senderAddress(message)}` },
  );
  return reply(replies.received, locale, {
    code: report.trackingCode,
    url: links.track(report.trackingCode),
  });
}
