import { AppError } from '../../platform/http/app-error';
import type { FeedbackContext } from './feedback.context';
import { feedbackErrors } from './feedback.errors';
import type { Report } from './report.model';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What feedback keeps of a kernel agency: enough to route, name and notify it. */
export interface AgencySummary {
  readonly id: string;
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string | null;
  readonly email: string | null;
  readonly headUserId: string | null;
}

export async function loadReport(ctx: FeedbackContext, id: string): Promise<Report> {
  const report = await ctx.reports.findById(id);
  if (!report) throw new AppError(feedbackErrors.REPORT_NOT_FOUND);
  return report;
}

export async function loadByCode(ctx: FeedbackContext, code: string): Promise<Report> {
  const report = await ctx.reports.findByCode(code.trim().toUpperCase());
  if (!report) throw new AppError(feedbackErrors.REPORT_NOT_FOUND);
  return report;
}

/** A report by tracking code or id, or undefined. */
export async function findReport(ctx: FeedbackContext, codeOrId: string): Promise<Report | undefined> {
  if (UUID.test(codeOrId)) return ctx.reports.findById(codeOrId);
  return ctx.reports.findByCode(codeOrId.trim().toUpperCase());
}

/** An active kernel agency, or FEEDBACK_AGENCY_NOT_FOUND (a 422: the caller chose a bad target). */
export async function resolveAgency(ctx: FeedbackContext, id: string): Promise<AgencySummary> {
  const agency = UUID.test(id) ? await ctx.platform.agencies.get(id).catch(() => undefined) : undefined;
  if (!agency?.active) throw new AppError(feedbackErrors.AGENCY_NOT_FOUND, { agencyId: id });
  return {
    id: agency.id,
    code: agency.code,
    nameVi: agency.nameVi,
    nameEn: agency.nameEn,
    email: agency.email,
    headUserId: agency.headUserId,
  };
}

const ALL_AGENCIES = 10_000;

export type AgencyNames = ReadonlyMap<string, { readonly vi: string; readonly en: string | null }>;

/** Every agency's name (inactive ones too: history must still read), from the context's short memo. */
export function agencyNames(ctx: FeedbackContext): Promise<AgencyNames> {
  return ctx.agencyNames.get('all', async () => {
    const { items } = await ctx.platform.agencies.list({ limit: ALL_AGENCIES, offset: 0 });
    return new Map(items.map((agency) => [agency.id, { vi: agency.nameVi, en: agency.nameEn }]));
  });
}
