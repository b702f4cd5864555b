import { Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { EmptyBlock, LoadingBlock } from '../../components/StatusBlocks';
import { commonMessages } from '../../components/common.i18n';
import { fill, useMessages } from '../../lib/i18n';
import { useAllAgencies } from './agencies.api';
import { agencyMessages } from './agencies.i18n';
import { AgencyContacts } from './AgencyContacts';
import { AgencyTree } from './AgencyTree';
import { buildAgencyTree } from './tree';

/** Public: who is who in the city administration, as a searchable tree with contact points. */
export function AgenciesPublicPage() {
  const t = useMessages(agencyMessages);
  const common = useMessages(commonMessages);
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 200);
  const agencies = useAllAgencies();
  const active = useMemo(() => (agencies.data ?? []).filter((agency) => agency.active), [agencies.data]);
  const tree = useMemo(() => buildAgencyTree(active, debounced), [active, debounced]);

  return (
    <Stack>
      <PageTitle title={t.title} description={t.publicIntro} />
      <TextInput
        label={t.search}
        description={t.searchHint}
        type="search"
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        maw={480}
      />
      {agencies.isPending && <LoadingBlock />}
      {agencies.isError && <ErrorAlert error={agencies.error} />}
      {agencies.data && (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {fill(t.count, { count: active.length })}
          </Text>
          {tree.length === 0 ? (
            <EmptyBlock title={active.length === 0 ? t.empty : common.noResults} />
          ) : (
            <AgencyTree
              nodes={tree}
              expandAll={debounced.trim() !== ''}
              renderDetails={(agency) => <AgencyContacts agency={agency} />}
            />
          )}
        </>
      )}
    </Stack>
  );
}
