import type { NotifyApi, Recipient, TemplateSet } from '../modules/notify';
import type { Db } from '../platform/db/database';
import type { Localized } from '../platform/i18n/locale';

/** How the notifier reaches a platform user: the kernel's UsersService. */
export interface UserContacts {
  contactOf(
    executor: Db,
    id: string,
  ): Promise<{ email: string; displayName: string; locale: 'vi' | 'en' } | undefined>;
}

/** What a module's notifier port hands over: the shape feedback's and sensors' ports share. */
export interface PortMessage {
  readonly recipient: {
    readonly channel: 'email' | 'sms' | 'zalo' | 'user';
    readonly address: string;
    readonly locale: 'vi' | 'en';
  };
  readonly template: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly topic: string;
  /** Unique per message (what, step, recipient): the same reference is sent once on retries. */
  readonly reference: string;
}

/** A port's template: e-mail gets subject and body, SMS and Zalo the short text. */
export interface PortTemplate {
  readonly key: string;
  readonly subject: Localized;
  readonly body: Localized;
  readonly short: Localized;
}

export function notifyTemplatesOf(templates: readonly PortTemplate[]): TemplateSet {
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
  message: PortMessage,
): Promise<Recipient | undefined> {
  const { channel, address, locale } = message.recipient;
  if (channel !== 'user') return { channel, address, locale };
  // A person named by account (an agency head, an operator) is reached by the e-mail of that account.
  const contact = await users.contactOf(executor, address);
  return (
    contact && { channel: 'email', address: contact.email, locale: contact.locale, name: contact.displayName }
  );
}

/** Sends one port message through notify, in the caller's transaction; an unknown user is skipped. */
export async function sendThroughNotify(
  notify: NotifyApi,
  users: UserContacts,
  executor: Db,
  message: PortMessage,
): Promise<void> {
  const recipient = await recipientOf(executor, users, message);
  if (!recipient) return;
  await notify.send(executor, {
    recipient,
    template: message.template,
    params: message.params,
    topic: message.topic,
    idempotencyKey: message.reference,
  });
}
