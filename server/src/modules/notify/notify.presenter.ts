import { maskAddress } from './addresses';
import type { StoredInbound } from './inbound/inbound.repo';
import type { Attempt, Message } from './outbox/message.tables';
import type { RecipientPreferences } from './preferences/preferences.service';

/** Staff view of an outbox message (the opt-out link is left out: it would let staff unsubscribe people). */
export function presentMessage(message: Message) {
  return {
    id: message.id,
    channel: message.channel,
    address: message.address,
    recipientName: message.recipientName,
    locale: message.locale,
    template: message.template,
    topic: message.topic,
    subject: message.subject,
    body: message.optOutUrl ? message.body.replace(message.optOutUrl, '[opt-out link]') : message.body,
    smsSegments: message.smsSegments,
    reference: message.reference,
    status: message.status,
    attempts: message.attempts,
    nextAttemptAt: message.nextAttemptAt.toISOString(),
    provider: message.provider,
    providerMessageId: message.providerMessageId,
    lastError: message.lastError,
    createdAt: message.createdAt.toISOString(),
    updatedAt: message.updatedAt.toISOString(),
    sentAt: message.sentAt?.toISOString() ?? null,
  };
}

export function presentMessageDetail(message: Message, attempts: readonly Attempt[]) {
  return {
    ...presentMessage(message),
    history: attempts.map((attempt) => ({
      attempt: attempt.attempt,
      provider: attempt.provider,
      startedAt: attempt.startedAt.toISOString(),
      finishedAt: attempt.finishedAt?.toISOString() ?? null,
      outcome: attempt.outcome,
      providerMessageId: attempt.providerMessageId,
      error: attempt.error,
    })),
  };
}

export function presentInbound(message: StoredInbound) {
  return {
    id: message.id,
    channel: message.channel,
    sender: message.sender,
    text: message.text,
    location: message.location,
    attachments: [...message.attachments],
    receivedAt: message.receivedAt.toISOString(),
    keyword: message.keyword,
    handledBy: message.handledBy,
    replyMessageId: message.replyMessageId,
    createdAt: message.createdAt.toISOString(),
  };
}

export function presentPreferences(preferences: RecipientPreferences) {
  return {
    channel: preferences.channel,
    address: preferences.address,
    optOuts: preferences.optOuts.map((optOut) => ({
      topic: optOut.topic,
      source: optOut.source,
      createdAt: optOut.createdAt.toISOString(),
    })),
  };
}

/** What the public opt-out page confirms: never the full address (the link may have been forwarded). */
export function presentOptOut(result: {
  channel: RecipientPreferences['channel'];
  address: string;
  topic: string;
}) {
  return {
    channel: result.channel,
    address: maskAddress(result.address),
    topic: result.topic,
    optedOut: true as const,
  };
}
