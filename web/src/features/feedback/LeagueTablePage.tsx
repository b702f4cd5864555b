import { NativeSelect, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { BarList } from '../../components/BarList';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { EmptyBlock, LoadingBlock } from '../../components/StatusBlocks';
import { pick, useLocale, useMessages } from '../../lib/i18n';
import { feedbackKey, fetchLeague } from './feedback.api';
import { feedbackMessages } from './feedback.i18n';
import { FeedbackTabs } from './FeedbackTabs';
import { LeagueTable } from './LeagueTable';

const periods = { last30: 30, last90: 90, last365: 365 } as const;
type Period = keyof typeof periods;

/** `/feedback/agencies`: agencies ranked by on-time answers and citizens' satisfaction. */
export function LeagueTablePage() {
  const t = useMessages(feedbackMessages);
  const { locale } = useLocale();
  const [period, setPeriod] = useState<Period>('last90');
  // The range is fixed when the period is chosen, so the query key stays stable between renders.
  const from = useMemo(() => new Date(Date.now() - periods[period] * 86_400_000).toISOString(), [period]);
  const league = useQuery({
    queryKey: [...feedbackKey, 'league', period, from],
    queryFn: () => fetchLeague({ from }),
  });
  const rows = league.data ?? [];
  const nameOf = (row: (typeof rows)[number]) =>
    row.agencyName ? pick(locale, row.agencyName) : t.unknownAgency;

  return (
    <Stack gap="lg">
      <FeedbackTabs />
      <PageTitle title={t.tabLeague} description={t.leagueIntro} />
      <NativeSelect
        label={t.period}
        value={period}
        onChange={(event) => setPeriod(event.currentTarget.value as Period)}
        data={(Object.keys(periods) as Period[]).map((key) => ({ value: key, label: t[key] }))}
        maw={240}
      />
      {league.isPending && <LoadingBlock />}
      {league.isError && <ErrorAlert error={league.error} />}
      {league.data && rows.length === 0 && <EmptyBlock title={t.leagueEmpty} />}
      {rows.length > 0 && (
        <>
          <Stack component="section" aria-labelledby="league-chart-title" gap="sm">
            <Title id="league-chart-title" order={2} size="h3">
              {t.leagueChart}
            </Title>
            <BarList
              label={t.leagueChart}
              items={rows
                .filter((row) => row.onTimePercent !== null)
                .map((row) => ({ key: row.agencyId, label: nameOf(row), value: row.onTimePercent ?? 0 }))}
            />
          </Stack>
          <Stack component="section" aria-labelledby="league-table-title" gap="sm">
            <Title id="league-table-title" order={2} size="h3">
              {t.leagueTable}
            </Title>
            <LeagueTable rows={rows} nameOf={nameOf} />
          </Stack>
        </>
      )}
    </Stack>
  );
}
