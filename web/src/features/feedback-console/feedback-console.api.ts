import { api, ApiError, networkError, requestHeaders, type Page } from '../../lib/api';
import type { Channel, RejectionReason, ReportStatus } from './feedback-labels';

/** Staff views of the feedback "1022" API (server: modules/feedback, docs/feedback.md). */

export interface LatLng {
  readonly latitude: number;
  readonly longitude: number;
}

export interface Localized {
  readonly vi: string;
  readonly en: string | null;
}

export interface Photo {
  readonly id: string;
  readonly kind: 'report' | 'fix';
  readonly url: string;
  readonly width: number | null;
  readonly height: number | null;
  readonly createdAt: string;
}

export interface HistoryEntry {
  readonly id: number;
  readonly occurredAt: string;
  readonly action: string;
  readonly fromStatus: ReportStatus | null;
  readonly toStatus: ReportStatus;
  readonly actorId: string | null;
  readonly actorLabel: string;
  readonly agencyId: string | null;
  readonly note: string | null;
  readonly isPublic: boolean;
}

export interface StaffReport {
  readonly id: string;
  readonly trackingCode: string;
  readonly status: ReportStatus;
  readonly statusLabel: Localized;
  readonly categoryCode: string | null;
  readonly categoryName: Localized | null;
  readonly description: string;
  readonly address: string | null;
  readonly location: LatLng | null;
  readonly adminUnitCode: string | null;
  readonly agencyId: string | null;
  readonly channel: Channel;
  readonly urgent: boolean;
  readonly receivedAt: string;
  readonly dueAt: string | null;
  readonly overdue: boolean;
  readonly publishedAt: string | null;
  readonly answer: string | null;
  readonly closedAt: string | null;
  readonly rating: 'satisfied' | 'neutral' | 'unsatisfied' | null;
  readonly ratingComment: string | null;
  readonly reopenCount: number;
  readonly mergedInto: string | null;
  readonly isSample: boolean;
  readonly reporter: {
    readonly name: string | null;
    readonly phone: string | null;
    readonly email: string | null;
    readonly zaloId: string | null;
  };
  readonly isAnonymous: boolean;
  readonly deadlineWorkingDays: number | null;
  readonly assignedAt: string | null;
  readonly extension: { readonly days: number; readonly reason: string; readonly requestedAt: string } | null;
  readonly answeredAt: string | null;
  readonly reviewNote: string | null;
  readonly statusNote: string | null;
  readonly rejectionReason: RejectionReason | null;
  readonly updatedAt: string;
}

export interface StaffReportDetail extends StaffReport {
  readonly photos: Photo[];
  readonly history: HistoryEntry[];
}

export interface Category {
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string | null;
  readonly group: string;
  readonly deadlineWorkingDays: number;
  readonly active: boolean;
  readonly sortOrder: number;
  readonly updatedAt: string;
}

export interface RoutingRule {
  readonly id: string;
  readonly categoryCode: string;
  readonly adminUnitCode: string | null;
  readonly agencyId: string;
  readonly updatedAt: string;
}

export interface RoutingSuggestion {
  readonly agencyId: string;
  readonly agencyCode: string;
  readonly agencyName: string;
  readonly ruleId: string;
  readonly adminUnitCode: string | null;
}

export interface OperatorReportInput {
  readonly channel: 'phone' | 'email' | 'web' | 'mobile' | 'zalo' | 'sms';
  readonly categoryCode: string | null;
  readonly description: string;
  readonly address: string | null;
  readonly location: LatLng | null;
  readonly adminUnitCode: string | null;
  readonly contact: { readonly name: string | null; readonly phone: string | null } | null;
  readonly urgent: boolean;
  readonly consentGiven: boolean;
}

export type ListFilter = {
  readonly status?: ReportStatus | undefined;
  readonly channel?: Channel | undefined;
  readonly category?: string | undefined;
  readonly overdue?: boolean | undefined;
  readonly q?: string | undefined;
  readonly limit: number;
  readonly offset: number;
};

const base = '/api/v1/feedback';
export const feedbackKey = ['feedback-console'] as const;

export function listInbox(filter: ListFilter): Promise<Page<StaffReport>> {
  return api(`${base}/hub/inbox`, { query: filter });
}

export function listQueue(filter: ListFilter): Promise<Page<StaffReport>> {
  return api(`${base}/agency/queue`, { query: filter });
}

export function getReport(id: string): Promise<StaffReportDetail> {
  return api(`${base}/staff/reports/${encodeURIComponent(id)}`);
}

export function callerReports(phone: string): Promise<StaffReport[]> {
  return api(`${base}/hub/callers/${encodeURIComponent(phone)}/reports`);
}

export function submitOperatorReport(input: OperatorReportInput): Promise<StaffReport> {
  return api(`${base}/hub/reports`, { method: 'POST', body: input });
}

export function listCategories(): Promise<Category[]> {
  return api(`${base}/hub/categories`);
}

export function updateCategory(
  code: string,
  changes: Partial<Pick<Category, 'deadlineWorkingDays' | 'active'>>,
): Promise<Category> {
  return api(`${base}/hub/categories/${encodeURIComponent(code)}`, { method: 'PATCH', body: changes });
}

export function listRules(query: { category?: string | undefined }): Promise<RoutingRule[]> {
  return api(`${base}/hub/routes`, { query });
}

export interface RuleInput {
  readonly categoryCode: string;
  readonly adminUnitCode: string | null;
  readonly agencyId: string;
}

export function createRule(input: RuleInput): Promise<RoutingRule> {
  return api(`${base}/hub/routes`, { method: 'POST', body: input });
}

export function updateRule(id: string, changes: Partial<RuleInput>): Promise<RoutingRule> {
  return api(`${base}/hub/routes/${id}`, { method: 'PATCH', body: changes });
}

export function deleteRule(id: string): Promise<void> {
  return api(`${base}/hub/routes/${id}`, { method: 'DELETE' });
}

export function routingSuggestion(id: string): Promise<RoutingSuggestion | null> {
  return api(`${base}/hub/reports/${id}/routing-suggestion`);
}

/** Every staff step on a report: the path under /api/v1/feedback and its JSON body. */
export type ReportAction =
  | {
      readonly kind: 'classify';
      readonly body: {
        categoryCode: string;
        urgent: boolean;
        adminUnitCode: string | null;
        note: string | null;
      };
    }
  | { readonly kind: 'reject'; readonly body: { reason: RejectionReason; note: string | null } }
  | { readonly kind: 'merge'; readonly body: { into: string; note: string | null } }
  | { readonly kind: 'transfer'; readonly body: { agencyId: string | null; note: string | null } }
  | {
      readonly kind: 'review';
      readonly body: { decision: 'approve' | 'send_back'; answer?: string | null; note: string | null };
    }
  | { readonly kind: 'decideExtension'; readonly body: { approve: boolean; note: string | null } }
  | { readonly kind: 'accept'; readonly body: { note: string | null } }
  | { readonly kind: 'respond'; readonly body: { answer: string } }
  | { readonly kind: 'requestExtension'; readonly body: { days: number; reason: string } }
  | { readonly kind: 'return'; readonly body: { reason: string } };

const actionPaths: Readonly<Record<ReportAction['kind'], string>> = {
  classify: 'hub/reports/{id}/classify',
  reject: 'hub/reports/{id}/reject',
  merge: 'hub/reports/{id}/merge',
  transfer: 'hub/reports/{id}/transfer',
  review: 'hub/reports/{id}/review',
  decideExtension: 'hub/reports/{id}/extension',
  accept: 'agency/reports/{id}/accept',
  respond: 'agency/reports/{id}/respond',
  requestExtension: 'agency/reports/{id}/extension',
  return: 'agency/reports/{id}/return',
};

export function actOnReport(id: string, action: ReportAction): Promise<StaffReport> {
  const path = actionPaths[action.kind].replace('{id}', encodeURIComponent(id));
  return api(`${base}/${path}`, { method: 'POST', body: action.body });
}

/** Adds photos (the caller's for the hub, of the fix for an agency): multipart, field name free. */
export async function uploadPhotos(id: string, files: readonly File[]): Promise<Photo[]> {
  const form = new FormData();
  for (const file of files) form.append('photos', file, file.name);
  let response: Response;
  try {
    response = await fetch(`${base}/staff/reports/${encodeURIComponent(id)}/photos`, {
      method: 'POST',
      headers: requestHeaders('POST'),
      credentials: 'same-origin',
      body: form,
    });
  } catch {
    throw networkError();
  }
  const data = (await response.json().catch(() => undefined)) as
    Photo[] | { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | undefined;
  if (response.ok && Array.isArray(data)) return data;
  const error = data && !Array.isArray(data) ? data.error : undefined;
  throw new ApiError(
    response.status,
    error?.code ?? `HTTP_${response.status}`,
    error?.message ?? response.statusText,
    error?.details ?? {},
  );
}
