import { sql } from 'kysely';
import { communeLevels } from '../../platform/geo';
import type { FeedbackContext } from './feedback.context';
import { demoCategories } from './feedback.demo-data';
import { pathOf, planSamples, sampleTiming, type SamplePlan } from './feedback.demo-samples';
import type { Executor } from './notifier.port';
import type { ReportPatch } from './reports.repo';
import type { ReportStatus } from './report-states';

const SAMPLE_COUNT = 300;
const SAMPLE_ACTOR = 'Tổng đài 1022 (dữ liệu mẫu)';
const { HOUR, DAY } = sampleTiming;

/**
 * Demo data, loaded once on first start: the categories, a routing table onto Đà Nẵng's agencies,
 * and a few hundred generated sample reports (is_sample, "[Mẫu]" in the text) over the last 90 days
 * with answers and ratings, so the board and the league table show something on first start.
 */
export async function loadFeedbackDemo(
  ctx: FeedbackContext,
  options: { samples?: boolean } = {},
): Promise<void> {
  await loadDemoCategories(ctx);
  const wards = await wardCommittees(ctx);
  await loadDemoRouting(ctx, wards);
  if (options.samples === false) return;
  const existing = await sql<{
    n: number;
  }>`select count(*) as n from feedback.reports where is_sample`.execute(ctx.platform.db);
  if (Number(existing.rows[0]?.n ?? 0) > 0) return;
  const units = [...wards.keys()];
  if (units.length === 0) return;
  const plans = planSamples(demoCategories, units, SAMPLE_COUNT, new Date());
  const prepared: PreparedSample[] = [];
  for (const plan of plans) prepared.push(await prepare(ctx, plan, wards));
  await ctx.platform.db.transaction().execute(async (trx) => {
    for (const sample of prepared) await insertSample(ctx, trx, sample);
  });
}

/** Inserts the categories that are missing (an edited category is left as the operators left it). */
export async function loadDemoCategories(ctx: FeedbackContext): Promise<void> {
  await ctx.platform.db.transaction().execute(async (trx) => {
    for (const { defaultAgency: _agency, toWardCommittee: _ward, ...fields } of demoCategories)
      await ctx.routing.insertCategory(trx, fields);
  });
}

/** Unit code -> id of the People's Committee of each commune-level unit valid today. */
async function wardCommittees(ctx: FeedbackContext): Promise<Map<string, string>> {
  const units = await ctx.platform.adminUnits.list({ limit: 1000 });
  const communeCodes = new Set(units.items.filter((u) => communeLevels.includes(u.level)).map((u) => u.code));
  const committees = await ctx.platform.agencies.list({
    kind: 'commune_committee',
    active: true,
    limit: 500,
    offset: 0,
  });
  const byUnit = new Map<string, string>();
  for (const agency of committees.items)
    if (agency.adminUnitCode && communeCodes.has(agency.adminUnitCode))
      byUnit.set(agency.adminUnitCode, agency.id);
  return byUnit;
}

async function loadDemoRouting(ctx: FeedbackContext, wards: Map<string, string>): Promise<void> {
  if ((await ctx.routing.rules({})).length > 0) return;
  const rules: { categoryCode: string; adminUnitCode: string | null; agencyId: string }[] = [];
  for (const category of demoCategories) {
    const agency = await ctx.platform.agencies.findByCode(category.defaultAgency);
    if (agency) rules.push({ categoryCode: category.code, adminUnitCode: null, agencyId: agency.id });
    if (!category.toWardCommittee) continue;
    for (const [unit, agencyId] of wards)
      rules.push({ categoryCode: category.code, adminUnitCode: unit, agencyId });
  }
  await ctx.platform.db.transaction().execute(async (trx) => {
    for (const rule of rules) await ctx.routing.insertRule(trx, rule);
  });
}

interface PreparedSample {
  readonly plan: SamplePlan;
  readonly agencyId: string | null;
  readonly dueAt: Date | null;
  readonly days: number | null;
  readonly path: ReportStatus[];
  readonly at: Readonly<Partial<Record<ReportStatus, Date>>>;
  readonly answeredAt: Date | null;
}

/** Everything read outside the transaction: the agency by routing, the deadline by the calendar. */
async function prepare(
  ctx: FeedbackContext,
  plan: SamplePlan,
  wards: Map<string, string>,
): Promise<PreparedSample> {
  const now = Date.now();
  const assignedAt = new Date(plan.receivedAt.getTime() + 2 * HOUR);
  const rule = await ctx.routing.match(plan.category.code, plan.unitCode);
  const agencyId = rule?.agencyId ?? wards.get(plan.unitCode) ?? null;
  const { dueAt, workingDays } = await ctx.deadlines.due(assignedAt, plan.category, plan.urgent);
  const span = (dueAt?.getTime() ?? assignedAt.getTime() + 3 * DAY) - assignedAt.getTime();
  const answered = Math.min(assignedAt.getTime() + span * plan.answerPace, now - 5 * HOUR);
  const published = Math.min(answered + 3 * HOUR, now - 2 * HOUR);
  const withinWindow = now - published < ctx.settings.reopenWindowDays * DAY;
  const rated = Math.min(published + DAY, now - HOUR);
  const at: Partial<Record<ReportStatus, Date>> = {
    received: plan.receivedAt,
    classified: new Date(plan.receivedAt.getTime() + HOUR),
    rejected: new Date(plan.receivedAt.getTime() + HOUR),
    assigned: assignedAt,
    in_progress: new Date(assignedAt.getTime() + 4 * HOUR),
    answered: new Date(answered),
    published: new Date(published),
    reopened: new Date(rated),
    closed: new Date(plan.rating ? rated : published + ctx.settings.reopenWindowDays * DAY),
  };
  const path = pathOf(plan, { withinWindow });
  return {
    plan,
    agencyId,
    dueAt,
    days: workingDays,
    path,
    at,
    answeredAt: path.includes('answered') ? new Date(answered) : null,
  };
}

function finalPatch(sample: PreparedSample): ReportPatch {
  const { plan, path, at } = sample;
  const last = path[path.length - 1] ?? 'received';
  const has = (status: ReportStatus) => path.includes(status);
  const answer = '[Mẫu] Cơ quan chức năng đã kiểm tra hiện trường, chỉ đạo xử lý và sẽ tiếp tục theo dõi.';
  const rated = has('closed') || has('reopened') ? plan.rating : null;
  return {
    status: last,
    agencyId: has('assigned') && last !== 'rejected' ? sample.agencyId : null,
    classifiedAt: at.classified && has('classified') ? at.classified : null,
    assignedAt: has('assigned') ? (at.assigned ?? null) : null,
    answer: sample.answeredAt ? answer : null,
    answeredAt: sample.answeredAt,
    publishedAt: has('published') ? (at.published ?? null) : null,
    closedAt: has('closed') || has('rejected') ? (at.closed ?? at.rejected ?? null) : null,
    rejectionReason: has('rejected') ? 'out_of_scope' : null,
    statusNote: has('published') ? answer : has('rejected') ? 'Không thuộc phạm vi tiếp nhận' : null,
    rating: rated,
    ratingComment: rated === 'unsatisfied' ? '[Mẫu] Vẫn chưa được khắc phục.' : null,
    ratedAt: rated ? (at.reopened ?? null) : null,
    countReopen: has('reopened'),
  };
}

async function insertSample(ctx: FeedbackContext, trx: Executor, sample: PreparedSample): Promise<void> {
  const { plan } = sample;
  const { id } = await ctx.reports.insert(
    trx,
    {
      categoryCode: plan.category.code,
      status: 'received',
      channel: plan.channel,
      description: plan.description,
      address: null,
      location: plan.location,
      adminUnitCode: plan.unitCode,
      urgent: plan.urgent,
      attributes: {},
      reporter: { name: null, phone: null, email: null, zaloId: null },
      isAnonymous: true,
      locale: 'vi',
      notify: null,
      consentVersion: null,
      externalRef: null,
      submittedBy: null,
      dueAt: sample.dueAt,
      deadlineWorkingDays: sample.days,
      isSample: true,
    },
    plan.receivedAt,
  );
  await ctx.reports.change(trx, id, null, finalPatch(sample));
  await insertHistory(ctx, trx, id, sample);
}

async function insertHistory(
  ctx: FeedbackContext,
  trx: Executor,
  reportId: string,
  sample: PreparedSample,
): Promise<void> {
  let previous: ReportStatus | null = null;
  for (const status of sample.path) {
    await ctx.history.append(trx, {
      reportId,
      action: previous === null ? 'submitted' : status,
      fromStatus: previous,
      toStatus: status,
      actorId: null,
      actorLabel: SAMPLE_ACTOR,
      agencyId: sample.agencyId,
      note: status === 'published' ? '[Mẫu] Đã có kết quả xử lý.' : null,
      isPublic: status !== 'classified' && status !== 'answered',
      occurredAt: sample.at[status] ?? sample.plan.receivedAt,
    });
    previous = status;
  }
}
