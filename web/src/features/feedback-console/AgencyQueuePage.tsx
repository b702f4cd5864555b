import { Stack } from '@mantine/core';
import { PageTitle } from '../../components/PageTitle';
import { useMessages } from '../../lib/i18n';
import { RoleGate } from '../../app/RequireAuth';
import { consoleMessages } from './feedback-console.i18n';
import { listQueue } from './feedback-console.api';
import { agencyRoles, type ReportStatus } from './feedback-labels';
import { ReportListView } from './ReportListView';

// What an agency sees in its queue (the server lists open work and answers under review by default).
const queueStatuses: readonly ReportStatus[] = ['assigned', 'in_progress', 'answered', 'published', 'closed'];

/** The reports assigned to the officer's agencies, soonest deadline first. */
export function AgencyQueuePage() {
  const t = useMessages(consoleMessages);
  return (
    <RoleGate roles={agencyRoles}>
      <Stack>
        <PageTitle title={t.queueTitle} description={t.queueIntro} />
        <ReportListView
          listKey="queue"
          fetchPage={listQueue}
          emptyText={t.emptyQueue}
          statuses={queueStatuses}
          mapLabel={t.queueMap}
        />
      </Stack>
    </RoleGate>
  );
}
