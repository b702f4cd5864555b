import type { AlertRule } from './alert-rule.model';

/** A rule as the API shows it (recipients included: only staff read rules). */
export function presentAlertRule(rule: AlertRule) {
  return {
    ...rule,
    recipients: [...rule.recipients],
    createdAt: rule.createdAt.toISOString(),
    updatedAt: rule.updatedAt.toISOString(),
  };
}
