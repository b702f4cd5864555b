import { Alert, Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { LoadingBlock } from '../../components/StatusBlocks';
import { ApiError } from '../../lib/api';
import { fill, useMessages } from '../../lib/i18n';
import { feedbackKey, trackReport } from './feedback.api';
import { FeedbackTabs } from './FeedbackTabs';
import { ownerTokenOf, rememberOwnerToken } from './owner-tokens';
import { RatingPanel } from './RatingPanel';
import { ReportPhotos } from './ReportPhotos';
import { ReportSummary } from './ReportSummary';
import { ReportTimeline } from './ReportTimeline';
import { normaliseCode } from './tracking-code';
import { trackMessages } from './track.i18n';

function NotFoundReport({ code }: { readonly code: string }) {
  const t = useMessages(trackMessages);
  return (
    <Stack gap="md">
      <PageTitle title={fill(t.notFoundTitle, { code })} description={t.notFoundText} />
      <Button component={Link} to="/feedback/track" variant="light" w="fit-content">
        {t.trackAnother}
      </Button>
    </Stack>
  );
}

/**
 * `/feedback/reports/:code` (and `/feedback/track/:code`, the link in messages): status, deadline,
 * agency, the answer once published, the public timeline and the rating form for the reporter.
 */
export function ReportPage() {
  const t = useMessages(trackMessages);
  const params = useParams();
  const [search] = useSearchParams();
  const raw = params.code ?? '';
  const code = normaliseCode(raw);
  const linkToken = search.get('token');
  const report = useQuery({
    queryKey: [...feedbackKey, 'report', code],
    queryFn: () => trackReport(code ?? ''),
    enabled: code !== null,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
  // The link in the answer message carries a token: keep it, so a reload still allows rating.
  useEffect(() => {
    if (code && linkToken) rememberOwnerToken(code, linkToken);
  }, [code, linkToken]);
  const token = linkToken ?? (code ? ownerTokenOf(code) : null);

  if (!code)
    return (
      <Stack gap="lg">
        <FeedbackTabs />
        <NotFoundReport code={raw} />
      </Stack>
    );
  const notFound = report.error instanceof ApiError && [400, 404].includes(report.error.status);
  return (
    <Stack gap="lg" maw={860}>
      <FeedbackTabs />
      {report.isPending && <LoadingBlock />}
      {notFound && <NotFoundReport code={code} />}
      {report.isError && !notFound && <ErrorAlert error={report.error} />}
      {report.data && (
        <>
          <PageTitle title={fill(t.reportTitle, { code: report.data.trackingCode })} />
          {report.data.isSample && (
            <Alert color="orange" variant="light" role="note">
              {t.sample}
            </Alert>
          )}
          {report.data.mergedInto && (
            <Alert color="blue" variant="light">
              {fill(t.mergedInto, { code: report.data.mergedInto })}{' '}
              <Anchor component={Link} to={`/feedback/reports/${encodeURIComponent(report.data.mergedInto)}`}>
                {fill(t.openMerged, { code: report.data.mergedInto })}
              </Anchor>
            </Alert>
          )}
          <ReportSummary report={report.data} />
          <Stack component="section" aria-labelledby="timeline-title" gap="sm">
            <Title id="timeline-title" order={2} size="h3">
              {t.timeline}
            </Title>
            <ReportTimeline history={report.data.history} />
          </Stack>
          <ReportPhotos code={report.data.trackingCode} photos={report.data.photos} />
          <RatingPanel report={report.data} token={token} />
        </>
      )}
      {report.data === undefined && !report.isPending && !notFound && (
        <Text>
          <Anchor component={Link} to="/feedback/track">
            {t.trackAnother}
          </Anchor>
        </Text>
      )}
    </Stack>
  );
}
