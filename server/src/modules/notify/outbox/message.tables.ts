import type { Generated, Selectable } from 'kysely';
import type { Locale } from '../../../platform/i18n/locale';
import type { ChannelName, MessageStatus } from '../notify.types';

export type AttemptOutcome = 'sent' | 'retry' | 'failed' | 'suppressed' | 'abandoned';

export type OutboxTables = {
  'notify.messages': {
    id: Generated<string>;
    channel: ChannelName;
    address: string;
    recipient_name: string | null;
    locale: Locale;
    template: string;
    topic: string;
    subject: string | null;
    body: string;
    sms_segments: number | null;
    opt_out_url: string | null;
    reference_type: string | null;
    reference_id: string | null;
    idempotency_key: string | null;
    status: Generated<MessageStatus>;
    attempts: Generated<number>;
    next_attempt_at: Generated<Date>;
    lease_until: Date | null;
    claim_token: string | null;
    provider: string | null;
    provider_message_id: string | null;
    last_error: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
    sent_at: Date | null;
  };
  'notify.delivery_attempts': {
    id: Generated<number>;
    message_id: string;
    attempt: number;
    claim_token: string;
    provider: string;
    started_at: Generated<Date>;
    finished_at: Date | null;
    outcome: AttemptOutcome | null;
    provider_message_id: string | null;
    error: string | null;
  };
};

export type MessageRecord = Selectable<OutboxTables['notify.messages']>;

/** A message of the outbox as the service and presenters see it. */
export interface Message {
  readonly id: string;
  readonly channel: ChannelName;
  readonly address: string;
  readonly recipientName: string | null;
  readonly locale: Locale;
  readonly template: string;
  readonly topic: string;
  readonly subject: string | null;
  readonly body: string;
  readonly smsSegments: number | null;
  readonly optOutUrl: string | null;
  readonly reference: { readonly type: string; readonly id: string } | null;
  readonly status: MessageStatus;
  readonly attempts: number;
  readonly nextAttemptAt: Date;
  readonly provider: string | null;
  readonly providerMessageId: string | null;
  readonly lastError: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly sentAt: Date | null;
}

export interface Attempt {
  readonly attempt: number;
  readonly provider: string;
  readonly startedAt: Date;
  readonly finishedAt: Date | null;
  readonly outcome: AttemptOutcome | null;
  readonly providerMessageId: string | null;
  readonly error: string | null;
}

export function toMessage(row: MessageRecord): Message {
  return {
    id: row.id,
    channel: row.channel,
    address: row.address,
    recipientName: row.recipient_name,
    locale: row.locale,
    template: row.template,
    topic: row.topic,
    subject: row.subject,
    body: row.body,
    smsSegments: row.sms_segments,
    optOutUrl: row.opt_out_url,
    reference:
      row.reference_type !== null && row.reference_id !== null
        ? { type: row.reference_type, id: row.reference_id }
        : null,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    provider: row.provider,
    providerMessageId: row.provider_message_id,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    sentAt: row.sent_at,
  };
}
