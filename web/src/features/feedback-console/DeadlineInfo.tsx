import { Badge, Stack, Text } from '@mantine/core';
import { formatDateTime } from '../../lib/format';
import { fill, useMessages } from '../../lib/i18n';
import { consoleMessages } from './feedback-console.i18n';
import type { StaffReport } from './feedback-console.api';
import type { ReportStatus } from './feedback-labels';
import { deadlineState, type WorkingCalendar } from './working-days';

const finishedStatuses: readonly ReportStatus[] = ['answered', 'published', 'closed', 'rejected', 'merged'];

/**
 * The deadline as the hub and agencies think of it: the date, the working days allowed, and how many
 * are left — or, highlighted, by how many the report is overdue (the server decides that it is).
 */
export function DeadlineInfo({
  report,
  calendar,
}: {
  readonly report: Pick<StaffReport, 'dueAt' | 'overdue' | 'deadlineWorkingDays' | 'status'>;
  readonly calendar: WorkingCalendar | null;
}) {
  const t = useMessages(consoleMessages);
  // English needs the singular; Vietnamese reads the same either way.
  const days = (n: number, many: string, one: string) => (n === 1 ? one : fill(many, { n }));
  if (!report.dueAt) return <Text size="sm">{t.noDeadline}</Text>;
  // Once answered publicly or ended, the clock no longer matters: the date stays for the record.
  const settled = finishedStatuses.includes(report.status);
  const state = settled ? { kind: 'none' as const } : deadlineState(report.dueAt, report.overdue, calendar);
  return (
    <Stack gap={2} align="flex-start">
      <Text size="sm">
        {fill(t.dueOn, { date: formatDateTime(report.dueAt) })}
        {report.deadlineWorkingDays !== null &&
          ` (${days(report.deadlineWorkingDays, t.totalDays, t.totalDaysOne)})`}
      </Text>
      {report.overdue ? (
        <Badge color="red" variant="filled" tt="none">
          {state.kind === 'overdue' && state.workingDays > 0
            ? days(state.workingDays, t.overdueBy, t.overdueByOne)
            : t.overdue}
        </Badge>
      ) : (
        state.kind === 'remaining' && (
          <Text
            size="xs"
            c={state.workingDays <= 1 ? 'orange.8' : 'dimmed'}
            fw={state.workingDays <= 1 ? 600 : 400}
          >
            {state.workingDays === 0 ? t.dueToday : days(state.workingDays, t.remaining, t.remainingOne)}
          </Text>
        )
      )}
    </Stack>
  );
}
