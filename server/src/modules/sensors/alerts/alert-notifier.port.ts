import type { Kysely } from 'kysely';
import type { Localized } from '../../../platform/i18n/locale';
import type { AlertRecipient } from './alert-rule.model';

/**
 * What the alerts need from the messaging module (notify), defined here so that sensors does not
 * depend on it: the composition root adapts notify to this port (wiring/sensors-notifier.ts).
 */
export interface AlertMessage {
  readonly recipient: AlertRecipient;
  /** One of the keys registered with `registerTemplates` (alert.templates.ts). */
  readonly template: string;
  /** Values for the template's `{placeholders}`; plain text. */
  readonly params: Readonly<Record<string, string | number | null>>;
  /** What the message is about, for grouping and opting out: `sensors.alert.<severity>`. */
  readonly topic: string;
  /** Unique per message: the same reference is sent once even when a raise is retried. */
  readonly reference: string;
}

/** A template in both languages; `subject` is used by e-mail only, `short` by SMS and Zalo. */
export interface AlertTemplate {
  readonly key: string;
  readonly subject: Localized;
  readonly body: Localized;
  readonly short: Localized;
}

export interface AlertNotifier {
  /** Queues one message in the caller's transaction (so it goes out exactly when the raise commits). */
  send(executor: Kysely<unknown>, message: AlertMessage): Promise<void>;
  /** Called once when the module is created. */
  registerTemplates(templates: readonly AlertTemplate[]): void;
}
