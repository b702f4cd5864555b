import type { AlertOperator, AlertSeverity } from './alert-rule.model';

export const incidentStatuses = ['open', 'acknowledged', 'resolved'] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];

/** Every step of an incident's history: the alert's own steps and the operators'. */
export const incidentEventKinds = [
  'opened',
  'raised_again',
  'alert_cleared',
  'acknowledged',
  'assigned',
  'commented',
  'resolved',
] as const;
export type IncidentEventKind = (typeof incidentEventKinds)[number];

/** What operators do to an incident. */
export type IncidentAction = 'acknowledge' | 'assign' | 'comment' | 'resolve';

/**
 * Which actions each status allows: acknowledging twice, or touching a resolved incident (other than
 * commenting on it), is a conflict, not a silent no-op.
 */
const allowed: Record<IncidentStatus, readonly IncidentAction[]> = {
  open: ['acknowledge', 'assign', 'comment', 'resolve'],
  acknowledged: ['assign', 'comment', 'resolve'],
  resolved: ['comment'],
};

export function canApply(status: IncidentStatus, action: IncidentAction): boolean {
  return allowed[status].includes(action);
}

export interface Incident {
  readonly id: string;
  readonly ruleId: string | null;
  readonly ruleName: string;
  readonly operator: AlertOperator;
  readonly severity: AlertSeverity;
  readonly status: IncidentStatus;
  readonly datastreamId: number | null;
  readonly deviceId: string | null;
  readonly subjectName: string;
  readonly location: { readonly latitude: number; readonly longitude: number } | null;
  readonly adminUnitCode: string | null;
  readonly agencyId: string | null;
  readonly alertActive: boolean;
  readonly raiseCount: number;
  readonly lastValue: unknown;
  readonly openedAt: Date;
  readonly acknowledgedAt: Date | null;
  readonly resolvedAt: Date | null;
  readonly isSample: boolean;
  readonly updatedAt: Date;
}

export interface IncidentEvent {
  readonly id: number;
  readonly kind: IncidentEventKind;
  readonly actorId: string | null;
  readonly actorLabel: string;
  readonly note: string | null;
  readonly details: Record<string, unknown>;
  readonly occurredAt: Date;
}
