import { Anchor, Card, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EmptyBlock, LoadingBlock } from '../../components/StatusBlocks';
import { formatNumber } from '../../lib/format';
import { fill, pick, useLocale, useMessages } from '../../lib/i18n';
import { portalMessages } from './portal.i18n';
import { usePlatformSummary } from './summary';

/** One card per service the API reports, with its live count; exactly those, nothing invented. */
export function ServiceTiles() {
  const t = useMessages(portalMessages);
  const { locale } = useLocale();
  const summary = usePlatformSummary();
  if (summary.isPending) return <LoadingBlock />;
  if (summary.isError) return <ErrorAlert error={summary.error} />;
  const services = summary.data.services;
  if (services.length === 0) return <EmptyBlock title={t.servicesEmpty}>{t.servicesEmptyHint}</EmptyBlock>;
  return (
    <SimpleGrid
      cols={{ base: 1, xs: 2, md: 3 }}
      spacing="md"
      component="ul"
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {services.map((service) => {
        const name = pick(locale, service.label);
        const internal = service.href.startsWith('/') && !service.href.startsWith('/api/');
        return (
          <Card key={service.key} component="li" withBorder padding="lg" radius="md">
            <Stack gap={6}>
              <Text fz={36} fw={700} lh={1} c="blue.9">
                {formatNumber(service.count, locale)}
              </Text>
              <Text fw={500}>{name}</Text>
              {internal ? (
                <Anchor component={Link} to={service.href} size="sm" aria-label={fill(t.open, { name })}>
                  {t.openShort} →
                </Anchor>
              ) : (
                <Anchor href={service.href} size="sm" aria-label={fill(t.open, { name })}>
                  {t.openShort} →
                </Anchor>
              )}
            </Stack>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}
