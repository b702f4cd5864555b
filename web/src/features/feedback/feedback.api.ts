import { api, ApiError, networkError, requestHeaders, type Page, type QueryValue } from '../../lib/api';

/** Wire shapes of `/api/v1/feedback` (server: modules/feedback/*.schema.ts). Public views only. */

export const reportStatuses = [
  'received',
  'classified',
  'assigned',
  'in_progress',
  'returned',
  'answered',
  'published',
  'closed',
  'rejected',
  'merged',
  'reopened',
] as const;
export type ReportStatus = (typeof reportStatuses)[number];
export const ratings = ['satisfied', 'neutral', 'unsatisfied'] as const;
export type Rating = (typeof ratings)[number];
export type NotifyChannel = 'email' | 'sms' | 'zalo';

export interface Localized {
  readonly vi: string;
  readonly en: string | null;
}

export interface LatLng {
  readonly latitude: number;
  readonly longitude: number;
}

export interface Category {
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string | null;
  readonly descriptionVi: string | null;
  readonly descriptionEn: string | null;
  readonly group: string;
  readonly deadlineWorkingDays: number;
  readonly active: boolean;
  readonly sortOrder: number;
}

export interface PublicReport {
  readonly trackingCode: string;
  readonly status: ReportStatus;
  readonly statusLabel: Localized;
  readonly categoryCode: string | null;
  readonly categoryName: Localized | null;
  /** Plain text, null until the answer is published. */
  readonly description: string | null;
  readonly address: string | null;
  readonly location: LatLng | null;
  readonly adminUnitCode: string | null;
  readonly agencyId: string | null;
  readonly channel: string;
  readonly urgent: boolean;
  readonly receivedAt: string;
  readonly dueAt: string | null;
  readonly overdue: boolean;
  readonly publishedAt: string | null;
  readonly answer: string | null;
  readonly closedAt: string | null;
  readonly rating: Rating | null;
  readonly reopenCount: number;
  readonly followerCount: number;
  readonly mergedInto: string | null;
  readonly isSample: boolean;
  readonly updatedAt: string;
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
  readonly occurredAt: string;
  readonly action: string;
  readonly status: ReportStatus;
  readonly note: string | null;
}

export interface ReportDetail extends PublicReport {
  readonly photos: readonly Photo[];
  readonly history: readonly HistoryEntry[];
}

export interface SubmitInput {
  readonly categoryCode: string;
  readonly description: string;
  readonly address?: string | null;
  readonly location?: LatLng | null;
  readonly contact?: {
    readonly name?: string | null;
    readonly phone?: string | null;
    readonly email?: string | null;
  } | null;
  readonly notifyBy?: NotifyChannel | null;
  readonly consent?: boolean;
  readonly consentVersion?: string;
}

export interface Submitted {
  readonly trackingCode: string;
  readonly status: ReportStatus;
  readonly receivedAt: string;
  readonly dueAt: string | null;
  readonly isAnonymous: boolean;
  readonly ownerToken: string;
  readonly trackUrl: string;
}

export interface SimilarReport {
  readonly trackingCode: string;
  readonly status: ReportStatus;
  readonly categoryCode: string;
  readonly receivedAt: string;
  readonly description: string | null;
  readonly location: LatLng;
  readonly distanceMetres: number;
  readonly similarity: number;
}

export interface LeagueRow {
  readonly agencyId: string;
  readonly agencyName: Localized | null;
  readonly received: number;
  readonly answered: number;
  readonly onTime: number;
  readonly late: number;
  readonly open: number;
  readonly rated: number;
  readonly satisfied: number;
  readonly neutral: number;
  readonly unsatisfied: number;
  readonly onTimePercent: number | null;
  readonly satisfactionPercent: number | null;
}

export interface BoardFeature {
  readonly type: 'Feature';
  readonly id: string;
  readonly geometry: { readonly type: 'Point'; readonly coordinates: readonly [number, number] };
  readonly properties: {
    readonly trackingCode: string;
    readonly status: ReportStatus;
    readonly categoryName: string | null;
    readonly publishedAt: string | null;
    readonly isSample: boolean;
  };
}

/** The board's filters, as the query string names them. */
export interface BoardFilter {
  readonly category?: string;
  readonly adminUnitCode?: string;
  readonly agencyId?: string;
  readonly status?: ReportStatus;
  readonly from?: string;
  readonly to?: string;
}

const base = '/api/v1/feedback';
export const feedbackKey = ['feedback'] as const;

/** The consent text version shown on the form; the server stores it with the contact. */
export const CONSENT_VERSION = 'web-1';

export function listCategories(): Promise<Category[]> {
  return api(`${base}/categories`);
}

export function submitReport(input: SubmitInput): Promise<Submitted> {
  return api(`${base}/reports`, { method: 'POST', body: { ...input, channel: 'web' } });
}

export function findSimilar(query: {
  category: string;
  lat: number;
  lon: number;
  text: string;
}): Promise<SimilarReport[]> {
  return api(`${base}/reports/similar`, { query: { ...query, limit: 5 } });
}

export function trackReport(code: string): Promise<ReportDetail> {
  return api(`${base}/reports/${encodeURIComponent(code)}`);
}

export function followReport(
  code: string,
  follower: { channel: NotifyChannel; address: string },
): Promise<{ trackingCode: string; added: boolean }> {
  return api(`${base}/reports/${encodeURIComponent(code)}/follow`, { method: 'POST', body: follower });
}

export function rateReport(
  code: string,
  input: { rating: Rating; comment: string | null; token: string },
): Promise<PublicReport> {
  return api(`${base}/reports/${encodeURIComponent(code)}/rating`, { method: 'POST', body: input });
}

/** Adds photos to one's own report (multipart field "photos", the owner token in X-Report-Token). */
export async function uploadPhotos(code: string, token: string, files: readonly File[]): Promise<Photo[]> {
  const form = new FormData();
  for (const file of files) form.append('photos', file, file.name);
  let response: Response;
  try {
    response = await fetch(`${base}/reports/${encodeURIComponent(code)}/photos`, {
      method: 'POST',
      headers: { ...requestHeaders('POST'), 'X-Report-Token': token },
      credentials: 'same-origin',
      body: form,
    });
  } catch {
    throw networkError();
  }
  const data = (await response.json().catch(() => undefined)) as
    { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | Photo[] | undefined;
  if (!response.ok) {
    const error = data && !Array.isArray(data) ? data.error : undefined;
    throw new ApiError(
      response.status,
      error?.code ?? `HTTP_${response.status}`,
      error?.message ?? response.statusText,
      error?.details ?? {},
    );
  }
  return Array.isArray(data) ? data : [];
}

function boardQuery(filter: BoardFilter): Record<string, QueryValue> {
  return { ...filter };
}

export function listBoard(filter: BoardFilter, limit: number, offset: number): Promise<Page<PublicReport>> {
  return api(`${base}/board/reports`, { query: { ...boardQuery(filter), limit, offset } });
}

export function fetchBoardMap(
  filter: BoardFilter,
): Promise<{ type: 'FeatureCollection'; features: BoardFeature[] }> {
  return api(`${base}/board/reports.geojson`, { query: boardQuery(filter) });
}

export function fetchLeague(range: { from?: string; to?: string }): Promise<LeagueRow[]> {
  return api(`${base}/board/league`, { query: range });
}
