import { Badge, Button, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { EmptyBlock, LoadingBlock } from '../../components/StatusBlocks';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { defineMessages, fill, useMessages } from '../../lib/i18n';

interface Job {
  readonly name: string;
  readonly intervalSeconds: number;
  readonly nextRunAt: string;
  readonly lastStartedAt: string | null;
  readonly lastFinishedAt: string | null;
  readonly lastStatus: 'succeeded' | 'failed' | null;
  readonly lastError: string | null;
  readonly runCount: number;
  readonly failureCount: number;
}

const messages = defineMessages(
  {
    title: 'Tác vụ nền',
    intro:
      'Các tác vụ định kỳ của nền tảng (dọn phiên hết hạn, tạo phân vùng nhật ký…) và lần chạy gần nhất.',
    name: 'Tác vụ',
    every: 'Chu kỳ',
    minutes: '{n} phút',
    lastRun: 'Lần chạy gần nhất',
    nextRun: 'Lần chạy tới',
    status: 'Kết quả',
    runs: 'Số lần chạy / lỗi',
    succeeded: 'Thành công',
    failed: 'Lỗi',
    never: 'Chưa chạy',
    run: 'Chạy ngay',
    ran: 'Đã chạy tác vụ {name}.',
    empty: 'Không có tác vụ nền nào.',
    listLabel: 'Danh sách tác vụ nền',
  },
  {
    title: 'Background jobs',
    intro: "The platform's periodic jobs (expired-session clean-up, audit partitions…) and their last run.",
    name: 'Job',
    every: 'Every',
    minutes: '{n} min',
    lastRun: 'Last run',
    nextRun: 'Next run',
    status: 'Result',
    runs: 'Runs / failures',
    succeeded: 'Succeeded',
    failed: 'Failed',
    never: 'Not run yet',
    run: 'Run now',
    ran: 'Job {name} ran.',
    empty: 'No background job.',
    listLabel: 'Background jobs',
  },
);

export function JobsPage() {
  const t = useMessages(messages);
  const client = useQueryClient();
  const jobs = useQuery({
    queryKey: ['platform', 'jobs'],
    queryFn: () => api<{ items: Job[] }>('/api/v1/platform/jobs'),
  });
  const run = useMutation({
    mutationFn: (name: string) =>
      api<Job>(`/api/v1/platform/jobs/${encodeURIComponent(name)}/run`, { method: 'POST' }),
    onSuccess: async (job) => {
      notifications.show({
        color: job.lastStatus === 'failed' ? 'red' : 'green',
        message: fill(t.ran, { name: job.name }),
      });
      await client.invalidateQueries({ queryKey: ['platform', 'jobs'] });
    },
  });
  return (
    <Stack>
      <PageTitle title={t.title} description={t.intro} />
      {run.isError && <ErrorAlert error={run.error} />}
      {jobs.isPending && <LoadingBlock />}
      {jobs.isError && <ErrorAlert error={jobs.error} />}
      {jobs.data && jobs.data.items.length === 0 && <EmptyBlock title={t.empty} />}
      {jobs.data && jobs.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={820}>
          <Table striped verticalSpacing="sm">
            <caption className="visually-hidden">{t.listLabel}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t.name}</Table.Th>
                <Table.Th scope="col">{t.every}</Table.Th>
                <Table.Th scope="col">{t.lastRun}</Table.Th>
                <Table.Th scope="col">{t.status}</Table.Th>
                <Table.Th scope="col">{t.nextRun}</Table.Th>
                <Table.Th scope="col">{t.runs}</Table.Th>
                <Table.Th scope="col">
                  <span className="visually-hidden">{t.run}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {jobs.data.items.map((job) => (
                <Table.Tr key={job.name}>
                  <Table.Td>
                    <code>{job.name}</code>
                  </Table.Td>
                  <Table.Td>{fill(t.minutes, { n: Math.round(job.intervalSeconds / 60) })}</Table.Td>
                  <Table.Td>{job.lastStartedAt ? formatDateTime(job.lastStartedAt) : t.never}</Table.Td>
                  <Table.Td>
                    {job.lastStatus && (
                      <Badge color={job.lastStatus === 'failed' ? 'red' : 'teal'} variant="light" tt="none">
                        {job.lastStatus === 'failed' ? t.failed : t.succeeded}
                      </Badge>
                    )}
                    {job.lastError && (
                      <Text size="xs" c="red.9" style={{ overflowWrap: 'anywhere' }}>
                        {job.lastError}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{formatDateTime(job.nextRunAt)}</Table.Td>
                  <Table.Td>
                    {job.runCount} / {job.failureCount}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => run.mutate(job.name)}
                      loading={run.isPending && run.variables === job.name}
                      aria-label={`${t.run}: ${job.name}`}
                    >
                      {t.run}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
