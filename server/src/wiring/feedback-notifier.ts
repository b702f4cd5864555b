import type { Db } from '../platform/db/database';
import type { FeedbackMessage, FeedbackNotifier, FeedbackTemplate } from '../modules/feedback';
import type { NotifyApi, Recipient, TemplateSet } from '../modules/notify';

/** How the notifier reaches a platform user: the kernel's UsersService. */
export interface UserContacts {
  contactOf(
    executor: Db,
    id: string,
  ): Promise<{ email: string; displayName: string; locale: 'vi' | 'en' } | undefined>;
}

/** feedback's templates in notify's shape: e-mail gets subject and body, SMS and Zalo the short text. */
export function notifyTemplatesOf(templates: readonly FeedbackTemplate[]): TemplateSet {
  return Object.fromEntries(
    templates.map((template) => [
      template.key,
      {
        vi: {
          subject: template.subject.vi,
          text: template.body.vi,
          sms: template.short.vi,
          zalo: template.short.vi,
        },
        en: {
          subject: template.subject.en,
          text: template.body.en,
          sms: template.short.en,
          zalo: template.short.en,
        },
      },
    ]),
  );
}

async function recipientOf(
  executor: Db,
  users: UserContacts,
  message: FeedbackMessage,
): Promise<Recipient | undefined> {
  const { recipient } = message;
  const { channel, address, locale } = recipient;
  if (channel !== 'user') return { channel, address, locale };
  // A person named by account (an agency head) is reached by the e-mail of that account.
  const contact = await users.contactOf(executor, address);
  return (
    contact && { channel: 'email', address: contact.email, locale: contact.locale, name: contact.displayName }
  );
}

/**
 * Adapts the notify module to the port feedback declares (feedback/notifier.port.ts), so neither module
 * imports the other. Composition-root code: app.ts hands the result to createFeedbackModule.
 */
export function feedbackNotifier(notify: NotifyApi, users: UserContacts): FeedbackNotifier {
  return {
    async send(executor, message) {
      const recipient = await recipientOf(executor, users, message);
      if (!recipient) return;
      await notify.send(executor, {
        recipient,
        template: message.template,
        params: message.params,
        topic: message.topic,
        // feedback's reference is unique per message (report, step, recipient): sent once on retries.
        idempotencyKey: message.reference,
      });
    },
    registerTemplates(templates) {
      notify.registerTemplates(notifyTemplatesOf(templates));
    },
    registerInboundFallback(handler) {
      notify.setInboundFallback(async (message, context) => {
        const reply = await handler({
          channel: message.channel,
          from: message.from,
          text: message.text,
          messageId: message.id,
          receivedAt: message.receivedAt,
          locale: context.locale,
          location: message.location,
        });
        return reply?.text;
      });
    },
  };
}
