import { systemActor } from '../../platform/audit/audit';
import type { JobDefinition } from '../../platform/jobs/scheduler';
import type { CitizenService } from './citizen.service';
import type { SubmissionService } from './submission.service';
import type { FeedbackContext } from './feedback.context';
import { templateKeys } from './feedback.templates';
import { agencyHeldStatuses } from './report-states';
import { resolveAgency } from './service-support';

const BATCH = 500;

/**
 * The deadline clock's background work. Each run handles what is due now and marks it (reminded_at,
 * escalated_at), so a run that crashes half-way is simply continued by the next one.
 */
export class DeadlineJobs {
  constructor(private readonly ctx: FeedbackContext) {}

  /** Reminds the agency of reports due within the lead time; returns how many were reminded. */
  async remind(): Promise<number> {
    const soon = new Date(Date.now() + this.ctx.settings.reminderLeadHours * 3_600_000);
    const due = await this.ctx.queries.page({
      statuses: agencyHeldStatuses,
      dueBefore: soon,
      overdue: false,
      notReminded: true,
      limit: BATCH,
      offset: 0,
    });
    for (const report of due) await this.#notify(report.id, 'reminded', false);
    return due.length;
  }

  /** Escalates overdue reports to the head of the agency; returns how many were escalated. */
  async escalate(): Promise<number> {
    const overdue = await this.ctx.queries.page({
      statuses: agencyHeldStatuses,
      overdue: true,
      notEscalated: true,
      limit: BATCH,
      offset: 0,
    });
    for (const report of overdue) await this.#notify(report.id, 'escalated', true);
    return overdue.length;
  }

  async #notify(reportId: string, kind: 'reminded' | 'escalated', toHead: boolean): Promise<void> {
    const report = await this.ctx.reports.findById(reportId);
    if (!report?.agencyId) return;
    const agency = await resolveAgency(this.ctx, report.agencyId).catch(() => null);
    const template = toHead ? templateKeys.deadlineEscalation : templateKeys.deadlineReminder;
    await this.ctx.workflow
      .apply({
        report,
        transition: null,
        action: kind === 'reminded' ? 'deadline_reminder' : 'deadline_escalation',
        actor: systemActor,
        isPublic: false,
        notifyCitizen: false,
        event: toHead ? 'feedback.report.escalated' : undefined,
        patch: kind === 'reminded' ? { remindedAt: 'now' } : { escalatedAt: 'now' },
        then: async (trx, after, historyId) => {
          if (agency)
            await this.ctx.notifications.toAgency(
              trx,
              after,
              `${kind}:${historyId}`,
              template,
              agency,
              toHead,
            );
        },
      })
      .catch((error: unknown) =>
        this.ctx.platform.logger.warn({ err: error, reportId }, `feedback ${kind} failed`),
      );
  }
}

/** The module's recurring jobs, registered by app.ts with the kernel scheduler. */
export function feedbackJobs(services: {
  deadlines: DeadlineJobs;
  citizens: CitizenService;
  submissions: SubmissionService;
}): JobDefinition[] {
  const { deadlines, citizens, submissions } = services;
  return [
    {
      name: 'feedback.deadline_reminders',
      intervalSeconds: 900,
      run: async () => void (await deadlines.remind()),
    },
    {
      name: 'feedback.deadline_escalations',
      intervalSeconds: 900,
      run: async () => void (await deadlines.escalate()),
    },
    {
      name: 'feedback.locate_reports',
      intervalSeconds: 60,
      run: async () => void (await submissions.locatePending()),
    },
    {
      name: 'feedback.close_unrated',
      intervalSeconds: 3600,
      run: async () => void (await citizens.closeUnrated()),
    },
  ];
}
