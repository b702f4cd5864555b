import type { FeedbackNotifier } from '../modules/feedback';
import type { NotifyApi } from '../modules/notify';
import { notifyTemplatesOf, sendThroughNotify, type UserContacts } from './notify-sender';

/**
 * Adapts the notify module to the port feedback declares (feedback/notifier.port.ts), so neither module
 * imports the other. Composition-root code: app.ts hands the result to createFeedbackModule.
 */
export function feedbackNotifier(notify: NotifyApi, users: UserContacts): FeedbackNotifier {
  return {
    send: (executor, message) => sendThroughNotify(notify, users, executor, message),
    registerTemplates: (templates) => notify.registerTemplates(notifyTemplatesOf(templates)),
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
