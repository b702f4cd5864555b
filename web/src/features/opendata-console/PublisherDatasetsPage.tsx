import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageControls } from '../../components/PageControls';
import { PageTitle } from '../../components/PageTitle';
import { EmptyBlock, LoadingBlock } from '../../components/StatusBlocks';
import { useMessages } from '../../lib/i18n';
import { opendataKey, searchPackages } from '../opendata/opendata.api';
import { fqTerm } from '../opendata/search-state';
import { publishMessages } from './publish.i18n';
import { PublisherDatasetsTable } from './PublisherDatasetsTable';
import { usePublisherOrgs } from './publisher-orgs';

const LIMIT = 20;

/** /console/data: the datasets the user may edit, drafts and private ones included. */
export function PublisherDatasetsPage() {
  const t = useMessages(publishMessages);
  const orgs = usePublisherOrgs();
  const [chosen, setChosen] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [offset, setOffset] = useState(0);
  // A publisher of one agency sees it at once; a system administrator starts with every agency.
  const org = chosen ?? (orgs.all ? '' : (orgs.options[0]?.value ?? ''));
  const params = {
    q: debouncedQ.trim() || undefined,
    fq: org ? fqTerm('organization', org) : undefined,
    include_private: true,
    include_drafts: true,
    sort: 'metadata_modified desc',
    rows: LIMIT,
    start: offset,
    facet: false,
  };
  const datasets = useQuery({
    queryKey: [...opendataKey, 'console', params],
    queryFn: ({ signal }) => searchPackages(params, signal),
    placeholderData: keepPreviousData,
    enabled: !orgs.pending && (orgs.all || orgs.options.length > 0),
  });

  if (orgs.pending) return <LoadingBlock />;
  const orgOptions = [...(orgs.all ? [{ value: '', label: t.allOrganisations }] : []), ...orgs.options];
  return (
    <Stack>
      <PageTitle
        title={t.title}
        description={t.intro}
        actions={
          <Button component={Link} to="/console/data/new">
            {t.add}
          </Button>
        }
      />
      {!orgs.all && orgs.options.length === 0 ? (
        <EmptyBlock title={t.noOrgs} />
      ) : (
        <>
          <Group align="flex-end" gap="sm" role="search" aria-label={t.search}>
            {orgOptions.length > 1 && (
              <Select
                label={t.organisation}
                data={orgOptions}
                value={org}
                onChange={(value) => {
                  setChosen(value ?? '');
                  setOffset(0);
                }}
                allowDeselect={false}
                searchable
                w={{ base: '100%', sm: 360 }}
              />
            )}
            <TextInput
              label={t.search}
              type="search"
              value={q}
              onChange={(event) => {
                setQ(event.currentTarget.value);
                setOffset(0);
              }}
              style={{ flex: '1 1 16rem' }}
            />
          </Group>
          {datasets.isPending && <LoadingBlock />}
          {datasets.isError && <ErrorAlert error={datasets.error} />}
          {datasets.data && datasets.data.count === 0 && <EmptyBlock title={t.empty} />}
          {datasets.data && datasets.data.count > 0 && (
            <>
              <PublisherDatasetsTable datasets={datasets.data.results} />
              <PageControls
                total={datasets.data.count}
                limit={LIMIT}
                offset={offset}
                onOffsetChange={setOffset}
              />
            </>
          )}
        </>
      )}
    </Stack>
  );
}
