import { Anchor, Grid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { LoadingBlock } from '../../components/StatusBlocks';
import { fill, useMessages } from '../../lib/i18n';
import { RoleGate } from '../../app/RequireAuth';
import { hasAnyRole } from '../auth/roles';
import { useSession } from '../auth/session';
import { consoleMessages } from './feedback-console.i18n';
import { feedbackKey, getReport } from './feedback-console.api';
import { hubRoles, staffReadRoles } from './feedback-labels';
import { detailMessages } from './report-detail.i18n';
import { ReportActions } from './ReportActions';
import { ReportFacts } from './ReportFacts';
import { ReportHistory } from './ReportHistory';
import { ReportMap } from './ReportMap';
import { ReportPhotos } from './ReportPhotos';

/** One report in full for staff: facts, map, photos, history, and the steps they may take. */
export function ReportDetailPage() {
  const t = useMessages(detailMessages);
  const list = useMessages(consoleMessages);
  const { id = '' } = useParams();
  const isHub = hasAnyRole(useSession().data?.user.grants, hubRoles);
  const report = useQuery({ queryKey: [...feedbackKey, 'report', id], queryFn: () => getReport(id) });
  const back = isHub ? (
    <Anchor component={Link} to="/console/feedback/inbox">
      {t.backToInbox}
    </Anchor>
  ) : (
    <Anchor component={Link} to="/console/feedback/queue">
      {t.backToQueue}
    </Anchor>
  );
  return (
    <RoleGate roles={staffReadRoles}>
      <Stack>
        {back}
        {report.isPending && <LoadingBlock />}
        {report.isError && <ErrorAlert error={report.error} />}
        {report.data && (
          <>
            <PageTitle title={fill(t.title, { code: report.data.trackingCode })} />
            <Grid gap="lg">
              <Grid.Col span={{ base: 12, md: 7 }}>
                <Stack gap="lg">
                  <ReportFacts report={report.data} />
                  <ReportActions report={report.data} />
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 5 }}>
                <Stack gap="lg">
                  {report.data.location ? (
                    <ReportMap location={report.data.location} label={list.reportMap} height={280} />
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t.noPlace}
                    </Text>
                  )}
                  <ReportPhotos photos={report.data.photos} />
                  <ReportHistory history={report.data.history} />
                </Stack>
              </Grid.Col>
            </Grid>
          </>
        )}
      </Stack>
    </RoleGate>
  );
}
