import { Button, Stack } from '@mantine/core';
import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { useMessages } from '../../lib/i18n';
import { RoleGate } from '../../app/RequireAuth';
import { consoleMessages } from './feedback-console.i18n';
import { listInbox } from './feedback-console.api';
import { hubRoles } from './feedback-labels';
import { ReportListView } from './ReportListView';

/** The 1022 hub's inbox: every report from every channel, newest first. */
export function InboxPage() {
  const t = useMessages(consoleMessages);
  return (
    <RoleGate roles={hubRoles}>
      <Stack>
        <PageTitle
          title={t.inboxTitle}
          description={t.inboxIntro}
          actions={
            <Button component={Link} to="/console/feedback/call">
              {t.callTitle}
            </Button>
          }
        />
        <ReportListView listKey="inbox" fetchPage={listInbox} emptyText={t.emptyInbox} />
      </Stack>
    </RoleGate>
  );
}
