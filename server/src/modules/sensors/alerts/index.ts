/**
 * Alert rules and incidents inside the sensors module (not a module door: sensors/index.ts is).
 * @packageDocumentation
 */
export { alertsPart, type AlertsPart, type AlertsPlatform } from './alerts-part';
export { alertEventTypes, type AlertClearedEvent, type AlertRaisedEvent } from './alert-events';
export type { AlertMessage, AlertNotifier, AlertTemplate } from './alert-notifier.port';
