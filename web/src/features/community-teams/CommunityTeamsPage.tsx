import { Alert, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageControls } from '../../components/PageControls';
import { PageTitle } from '../../components/PageTitle';
import { EmptyBlock, LoadingBlock } from '../../components/StatusBlocks';
import { formatNumber } from '../../lib/format';
import { fill, useLocale, useMessages } from '../../lib/i18n';
import { fetchTeamsGeoJson, fetchTotals, listTeams, teamsKey } from './teams.api';
import { teamMessages } from './teams.i18n';
import { TeamsList } from './TeamsList';
import { TeamsMap } from './TeamsMap';

const LIMIT = 20;

export function CommunityTeamsPage() {
  const t = useMessages(teamMessages);
  const { locale } = useLocale();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [offset, setOffset] = useState(0);
  const totals = useQuery({ queryKey: [...teamsKey, 'totals'], queryFn: fetchTotals });
  const geo = useQuery({ queryKey: [...teamsKey, 'geojson'], queryFn: fetchTeamsGeoJson });
  const query = { q: debouncedQ.trim() || undefined, limit: LIMIT, offset };
  const teams = useQuery({
    queryKey: [...teamsKey, 'list', query],
    queryFn: () => listTeams(query),
    placeholderData: keepPreviousData,
  });
  const membersLabel = useCallback((n: number) => fill(t.membersOf, { n }), [t.membersOf]);
  const features = geo.data?.features ?? [];
  const hasSamples =
    features.some((feature) => feature.properties.isSample) ||
    (teams.data?.items ?? []).some((team) => team.isSample);

  return (
    <Stack gap="lg">
      <PageTitle title={t.title} description={t.intro} />
      {hasSamples && (
        <Alert color="orange" variant="light" role="note">
          {t.sampleWarning}
        </Alert>
      )}
      {totals.isError && <ErrorAlert error={totals.error} />}
      {totals.data && (
        <SimpleGrid cols={{ base: 1, xs: 3 }} component="dl" aria-label={t.totals} style={{ margin: 0 }}>
          {(['teams', 'members', 'units'] as const).map((key) => (
            <Paper key={key} withBorder p="md">
              <Text component="dt" size="sm" c="dimmed">
                {t[key]}
              </Text>
              <Text component="dd" fz={28} fw={700} m={0}>
                {formatNumber(totals.data[key], locale)}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      )}
      <Stack component="section" aria-labelledby="map-title" gap="xs">
        <Title id="map-title" order={2} size="h3">
          {t.map}
        </Title>
        <Text size="sm" c="dimmed">
          {t.mapHint}
        </Text>
        {geo.isPending && <LoadingBlock />}
        {geo.isError && <ErrorAlert error={geo.error} />}
        {geo.data &&
          (features.length > 0 ? (
            <TeamsMap features={features} label={t.map} membersLabel={membersLabel} />
          ) : (
            <EmptyBlock title={t.noLocation} />
          ))}
      </Stack>
      <Stack component="section" aria-labelledby="list-title" gap="sm">
        <Title id="list-title" order={2} size="h3">
          {t.list}
        </Title>
        <TextInput
          label={t.search}
          type="search"
          value={q}
          onChange={(event) => {
            setQ(event.currentTarget.value);
            setOffset(0);
          }}
          maw={400}
        />
        {teams.isPending && <LoadingBlock />}
        {teams.isError && <ErrorAlert error={teams.error} />}
        {teams.data && teams.data.items.length === 0 && <EmptyBlock title={t.empty} />}
        {teams.data && teams.data.items.length > 0 && (
          <>
            <TeamsList teams={teams.data.items} />
            <PageControls total={teams.data.total} limit={LIMIT} offset={offset} onOffsetChange={setOffset} />
          </>
        )}
      </Stack>
    </Stack>
  );
}
