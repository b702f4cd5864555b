import { Paper, SimpleGrid, Text } from '@mantine/core';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/StatusBlocks';
import { formatNumber } from '../../lib/format';
import { useLocale, useMessages } from '../../lib/i18n';
import { useStats } from './opendata.api';
import { opendataMessages } from './opendata.i18n';
import type { OpendataStats } from './opendata.types';

type Figure = 'datasets' | 'organisations' | 'resources' | 'downloads' | 'apiCalls';

/** The portal's headline figures as a description list (term: what, definition: how many). */
export function StatsFigures({
  figures = ['datasets', 'organisations', 'downloads', 'apiCalls'],
}: {
  readonly figures?: readonly Figure[];
}) {
  const t = useMessages(opendataMessages);
  const { locale } = useLocale();
  const stats = useStats();
  if (stats.isPending) return <LoadingBlock />;
  if (stats.isError) return <ErrorAlert error={stats.error} />;
  const data: OpendataStats = stats.data;
  return (
    <SimpleGrid
      cols={{ base: 2, sm: figures.length > 4 ? 3 : 4, lg: figures.length }}
      component="dl"
      aria-label={t.figuresTitle}
      style={{ margin: 0 }}
    >
      {figures.map((key) => (
        <Paper key={key} withBorder p="md">
          <Text component="dt" size="sm" c="dimmed">
            {t[key]}
          </Text>
          <Text component="dd" fz={{ base: 24, sm: 30 }} fw={700} m={0} c="blue.9">
            {formatNumber(data[key], locale)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
