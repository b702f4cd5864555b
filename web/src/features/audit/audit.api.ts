import { api, type Page, type QueryValue } from '../../lib/api';

export interface AuditEntry {
  readonly id: number;
  readonly occurredAt: string;
  readonly actorId: string | null;
  readonly actorLabel: string;
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string | null;
  readonly summary: Readonly<Record<string, unknown>>;
  readonly ip: string | null;
}

export interface AuditFilter {
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string;
  readonly actorId: string;
  /** Calendar days in Vietnam, 'YYYY-MM-DD' (turned into instants when querying). */
  readonly from: string;
  readonly to: string;
  readonly q: string;
}

export const emptyAuditFilter: AuditFilter = {
  action: '',
  targetType: '',
  targetId: '',
  actorId: '',
  from: '',
  to: '',
  q: '',
};

export function searchAudit(query: Readonly<Record<string, QueryValue>>): Promise<Page<AuditEntry>> {
  return api('/api/v1/audit', { query });
}
