import { Stack } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageControls } from '../../components/PageControls';
import { EmptyBlock, LoadingBlock } from '../../components/StatusBlocks';
import type { Page } from '../../lib/api';
import { feedbackKey, type ListFilter, type StaffReport } from './feedback-console.api';
import type { ReportStatus } from './feedback-labels';
import { noFilters, ReportFilters, type ReportFilterValues } from './ReportFilters';
import { ReportsMap } from './ReportsMap';
import { ReportsTable } from './ReportsTable';

const LIMIT = 20;

/** Filters, table and pages over one list endpoint (the hub's inbox or an agency's queue). */
export function ReportListView({
  listKey,
  fetchPage,
  emptyText,
  statuses,
  mapLabel,
}: {
  readonly listKey: string;
  readonly fetchPage: (filter: ListFilter) => Promise<Page<StaffReport>>;
  readonly emptyText: string;
  readonly statuses?: readonly ReportStatus[];
  /** Shows the page's reports on a map above the table. */
  readonly mapLabel?: string;
}) {
  const [filters, setFilters] = useState<ReportFilterValues>(noFilters);
  const [offset, setOffset] = useState(0);
  const [q] = useDebouncedValue(filters.q.trim(), 300);
  const filter: ListFilter = {
    status: filters.status ?? undefined,
    channel: filters.channel ?? undefined,
    category: filters.category ?? undefined,
    // Absent rather than false: "not overdue" is not what an unticked box means.
    overdue: filters.overdue || undefined,
    q: q || undefined,
    limit: LIMIT,
    offset,
  };
  const reports = useQuery({
    queryKey: [...feedbackKey, listKey, filter],
    queryFn: () => fetchPage(filter),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack>
      <ReportFilters
        value={filters}
        statuses={statuses}
        onChange={(next) => {
          setFilters(next);
          setOffset(0);
        }}
      />
      {reports.isPending && <LoadingBlock />}
      {reports.isError && <ErrorAlert error={reports.error} />}
      {reports.data && reports.data.items.length === 0 && <EmptyBlock title={emptyText} />}
      {reports.data && reports.data.items.length > 0 && (
        <>
          {mapLabel && <ReportsMap reports={reports.data.items} label={mapLabel} />}
          <ReportsTable reports={reports.data.items} />
          <PageControls total={reports.data.total} limit={LIMIT} offset={offset} onOffsetChange={setOffset} />
        </>
      )}
    </Stack>
  );
}
