import { Group, Select, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageControls } from '../../components/PageControls';
import { EmptyBlock, LoadingBlock } from '../../components/StatusBlocks';
import { fill, useMessages } from '../../lib/i18n';
import { useDatastoreSearch, type DatastoreField } from './datastore.api';
import { datasetMessages } from './dataset.i18n';
import { PreviewTable, type SortState } from './PreviewTable';

const pageSizes = [10, 25, 50, 100];

/**
 * The DataStore table of a resource, a page at a time: sort by a column (its header), find words in
 * every column or in one (accents optional), choose the page size.
 */
export function DatastorePreview({
  resourceId,
  name,
  fields,
  initialLimit = 10,
}: {
  readonly resourceId: string;
  readonly name: string;
  readonly fields: readonly DatastoreField[];
  readonly initialLimit?: number;
}) {
  const t = useMessages(datasetMessages);
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [column, setColumn] = useState<string | null>(null);
  const [sort, setSort] = useState<SortState>(null);
  const [limit, setLimit] = useState(initialLimit);
  const [offset, setOffset] = useState(0);
  const search = useDatastoreSearch({ resourceId, q: debouncedQ, column, sort, limit, offset });
  const columns = fields.filter((field) => field.id !== '_id');

  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm" role="search" aria-label={t.searchText}>
        <Select
          label={t.searchIn}
          data={[
            { value: '', label: t.allColumns },
            ...columns.map((field) => ({ value: field.id, label: field.info?.label || field.id })),
          ]}
          value={column ?? ''}
          allowDeselect={false}
          onChange={(value) => {
            setColumn(value || null);
            setOffset(0);
          }}
          w={{ base: '100%', xs: 200 }}
        />
        <TextInput
          label={t.searchText}
          placeholder={t.searchTextHint}
          type="search"
          value={q}
          onChange={(event) => {
            setQ(event.currentTarget.value);
            setOffset(0);
          }}
          style={{ flex: '1 1 14rem' }}
        />
        <Select
          label={t.rowsPerPage}
          data={[...new Set([initialLimit, ...pageSizes])].sort((a, b) => a - b).map(String)}
          value={String(limit)}
          allowDeselect={false}
          onChange={(value) => {
            setLimit(Number(value ?? initialLimit));
            setOffset(0);
          }}
          w={130}
        />
      </Group>
      {search.isPending && <LoadingBlock />}
      {search.isError && <ErrorAlert error={search.error} />}
      {search.data && search.data.records.length === 0 && <EmptyBlock title={t.noRows} />}
      {search.data && search.data.records.length > 0 && (
        <>
          <PreviewTable
            caption={fill(t.tableCaption, { name })}
            fields={columns}
            records={search.data.records}
            sort={sort}
            onSort={(next) => {
              setSort(next);
              setOffset(0);
            }}
          />
          <PageControls
            total={search.data.total ?? search.data.records.length}
            limit={limit}
            offset={offset}
            onOffsetChange={setOffset}
          />
        </>
      )}
    </Stack>
  );
}
