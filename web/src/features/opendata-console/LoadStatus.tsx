import { Alert, Progress, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/StatusBlocks';
import { formatNumber } from '../../lib/format';
import { fill, useLocale, useMessages } from '../../lib/i18n';
import { DatastorePreview } from '../opendata-dataset/DatastorePreview';
import { opendataKey } from '../opendata/opendata.api';
import { LoadProblems } from './LoadProblems';
import { isLoading, useLoad } from './publish.api';
import { publishMessages } from './publish.i18n';

/**
 * Where a file's DataStore load stands, polled while it runs: a progress bar, then the rows loaded
 * (and, for a new upload, the first rows queried back), or the problems with their line numbers.
 */
export function LoadStatus({
  resourceId,
  name,
  showPreview = false,
}: {
  readonly resourceId: string;
  readonly name: string;
  readonly showPreview?: boolean;
}) {
  const t = useMessages(publishMessages);
  const { locale } = useLocale();
  const client = useQueryClient();
  const load = useLoad(resourceId);
  const status = load.data?.status;
  useEffect(() => {
    // The package's datastore_active flags change when a load ends.
    if (status === 'succeeded' || status === 'failed')
      void client.invalidateQueries({ queryKey: [...opendataKey, 'package'] });
  }, [status, client]);

  if (load.isPending) return <LoadingBlock />;
  if (load.isError) return <ErrorAlert error={load.error} />;
  const report = load.data;
  if (!report)
    return (
      <Text size="sm" c="dimmed">
        {t.loadNone}
      </Text>
    );
  const rows = formatNumber(report.rowsDone, locale);
  if (isLoading(report))
    return (
      <Stack gap={4} role="status" aria-live="polite">
        <Text size="sm">{report.status === 'queued' ? t.loadQueued : fill(t.loadRunning, { rows })}</Text>
        <Progress
          value={report.progress ?? 100}
          animated
          striped={report.progress === null || report.status === 'queued'}
          aria-label={`${t.loadProgress}: ${name}`}
        />
      </Stack>
    );
  if (report.status === 'failed')
    return (
      <Stack gap="xs">
        <Alert color="red" variant="light" title={t.loadFailed} role="alert">
          {report.errorCount > 0
            ? fill(t.loadFailedProblems, { n: formatNumber(report.errorCount, locale) })
            : report.message}
        </Alert>
        <LoadProblems report={report} />
      </Stack>
    );
  if (report.status === 'superseded')
    return (
      <Text size="sm" c="dimmed">
        {t.loadSuperseded}
      </Text>
    );
  const fields = report.fields ?? [];
  return (
    <Stack gap="xs">
      <Alert color="green" variant="light" role="status" title={fill(t.loadSucceeded, { rows })}>
        {fields.length > 0 && fill(t.loadColumns, { fields: fields.map((field) => field.id).join(', ') })}
      </Alert>
      <LoadProblems report={report} />
      {showPreview && (
        <>
          <Text size="sm" fw={500}>
            {t.queryable}
          </Text>
          <DatastorePreview resourceId={resourceId} name={name} fields={fields} initialLimit={5} />
        </>
      )}
    </Stack>
  );
}
