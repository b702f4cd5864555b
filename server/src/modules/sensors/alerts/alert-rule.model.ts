import type { DeviceType } from '../devices/device.model';

/**
 * How a rule compares: thresholds (GT, GTE, LT, LTE, EQ) on numeric results; CHANGE (the result
 * differs from the previous one); CHANGE_DELTA (moved by more than `threshold` within `windowMinutes`);
 * FROZEN (no observation for `windowMinutes`); DEVICE_OFFLINE (the device registry says offline).
 */
export const alertOperators = [
  'GT',
  'GTE',
  'LT',
  'LTE',
  'EQ',
  'CHANGE',
  'CHANGE_DELTA',
  'FROZEN',
  'DEVICE_OFFLINE',
] as const;
export type AlertOperator = (typeof alertOperators)[number];

/** Operators judged when a datastream's latest value moves (the others by a job or an event). */
export const ingestOperators: readonly AlertOperator[] = [
  'GT',
  'GTE',
  'LT',
  'LTE',
  'EQ',
  'CHANGE',
  'CHANGE_DELTA',
];
export const thresholdOperators: readonly AlertOperator[] = ['GT', 'GTE', 'LT', 'LTE', 'EQ', 'CHANGE_DELTA'];

export const alertSeverities = ['info', 'warning', 'critical'] as const;
export type AlertSeverity = (typeof alertSeverities)[number];

/** Who is told when a rule raises: an address on a notify channel, or a platform user by id. */
export const recipientChannels = ['email', 'sms', 'zalo', 'user'] as const;
export interface AlertRecipient {
  readonly channel: (typeof recipientChannels)[number];
  readonly address: string;
  readonly locale: 'vi' | 'en';
}

/** What an operator sets on a rule. */
export interface AlertRuleFields {
  readonly name: string;
  readonly description: string | null;
  readonly operator: AlertOperator;
  readonly datastreamId: number | null;
  readonly observedPropertyId: number | null;
  readonly deviceType: DeviceType | null;
  readonly threshold: number | null;
  readonly clearThreshold: number | null;
  readonly windowMinutes: number | null;
  readonly minDurationSeconds: number;
  readonly severity: AlertSeverity;
  readonly active: boolean;
  readonly agencyId: string | null;
  readonly recipients: readonly AlertRecipient[];
}

export interface AlertRule extends AlertRuleFields {
  readonly id: string;
  readonly isSample: boolean;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/**
 * Why a rule's fields do not make sense together, or null. The table checks the same (and more
 * bluntly); checking first gives the operator a readable 422.
 */
export function ruleProblem(rule: AlertRuleFields): string | null {
  const { operator } = rule;
  if (thresholdOperators.includes(operator) && rule.threshold === null)
    return `${operator} needs a threshold`;
  if ((operator === 'CHANGE_DELTA' || operator === 'FROZEN') && rule.windowMinutes === null)
    return `${operator} needs windowMinutes`;
  if (operator === 'CHANGE_DELTA' && rule.threshold !== null && rule.threshold <= 0)
    return 'CHANGE_DELTA needs a positive threshold';
  if (operator === 'DEVICE_OFFLINE' && (rule.datastreamId !== null || rule.observedPropertyId !== null))
    return 'DEVICE_OFFLINE watches devices: give a deviceType (or nothing, for every device)';
  const targeted = rule.datastreamId !== null || rule.observedPropertyId !== null || rule.deviceType !== null;
  if (operator !== 'DEVICE_OFFLINE' && !targeted)
    return 'give a datastreamId, an observedPropertyId or a deviceType';
  const badUser = rule.recipients.find(
    (recipient) => recipient.channel === 'user' && !UUID.test(recipient.address),
  );
  if (badUser) return `recipient ${badUser.address} on channel 'user' must be an account id (UUID)`;
  return clearThresholdProblem(rule);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The clear threshold must lie on the quiet side of the threshold, or the alert could never clear. */
function clearThresholdProblem(rule: AlertRuleFields): string | null {
  const { operator, threshold, clearThreshold } = rule;
  if (clearThreshold === null || threshold === null) return null;
  const upward = operator === 'GT' || operator === 'GTE';
  const downward = operator === 'LT' || operator === 'LTE';
  if (upward && clearThreshold > threshold) return 'clearThreshold must not be above the threshold';
  if (downward && clearThreshold < threshold) return 'clearThreshold must not be below the threshold';
  if (operator === 'CHANGE_DELTA' && (clearThreshold > threshold || clearThreshold < 0))
    return 'clearThreshold must lie between 0 and the threshold';
  if (!upward && !downward && operator !== 'CHANGE_DELTA') return `${operator} has no clearThreshold`;
  return null;
}
