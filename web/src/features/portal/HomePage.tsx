import { Anchor, Box, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { fill, useMessages } from '../../lib/i18n';
import { portalMessages } from './portal.i18n';
import { ServiceTiles } from './ServiceTiles';
import { usePlatformSummary } from './summary';

export function HomePage() {
  const t = useMessages(portalMessages);
  const summary = usePlatformSummary();
  useEffect(() => {
    document.title = `${t.heroTitle} · citydx`;
  }, [t.heroTitle]);
  return (
    <Stack gap="xl">
      <Box component="section" aria-labelledby="hero-title">
        <Title id="hero-title" order={1} mb="sm">
          {t.heroTitle}
        </Title>
        <Text size="lg" maw={720}>
          {t.heroText}
        </Text>
      </Box>
      <Box component="section" aria-labelledby="services-title">
        <Title id="services-title" order={2} size="h3" mb="md">
          {t.servicesTitle}
        </Title>
        <ServiceTiles />
      </Box>
      <Paper component="section" aria-labelledby="dev-title" withBorder p="lg" bg="gray.0">
        <Title id="dev-title" order={2} size="h4" mb={4}>
          {t.developersTitle}
        </Title>
        <Text mb="xs">{t.developersText}</Text>
        <Anchor href="/docs">{t.apiDocs}</Anchor>
        {summary.data && (
          <Text size="xs" c="dimmed" mt="sm">
            {fill(t.version, { version: summary.data.version })}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}
