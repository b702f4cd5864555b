import type { NotifyApi } from '../modules/notify';
import type { AlertNotifier } from '../modules/sensors';
import { notifyTemplatesOf, sendThroughNotify, type UserContacts } from './notify-sender';

/**
 * Adapts the notify module to the port the sensors alerts declare (sensors/alerts/alert-notifier.port.ts),
 * so neither module imports the other. Composition-root code: app.ts hands it to createSensorsModule.
 */
export function sensorsNotifier(notify: NotifyApi, users: UserContacts): AlertNotifier {
  return {
    send: (executor, message) => sendThroughNotify(notify, users, executor, message),
    registerTemplates: (templates) => notify.registerTemplates(notifyTemplatesOf(templates)),
  };
}
