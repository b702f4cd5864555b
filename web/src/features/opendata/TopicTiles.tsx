import { Card, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EmptyBlock, LoadingBlock } from '../../components/StatusBlocks';
import { formatNumber } from '../../lib/format';
import { fill, pick, useLocale, useMessages } from '../../lib/i18n';
import { useGroups } from './opendata.api';
import { opendataMessages } from './opendata.i18n';

/** One tile per topic group, with how many public datasets it holds; each opens the topic's list. */
export function TopicTiles() {
  const t = useMessages(opendataMessages);
  const { locale } = useLocale();
  const groups = useGroups();
  if (groups.isPending) return <LoadingBlock />;
  if (groups.isError) return <ErrorAlert error={groups.error} />;
  if (groups.data.length === 0) return <EmptyBlock title={t.noTopics} />;
  return (
    <SimpleGrid
      cols={{ base: 1, xs: 2, md: 3 }}
      spacing="sm"
      component="ul"
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {groups.data.map((group) => (
        <li key={group.id}>
          <UnstyledButton
            component={Link}
            to={`/data/topic/${encodeURIComponent(group.name)}`}
            className="topic-tile"
            display="block"
            h="100%"
          >
            <Card withBorder padding="md" radius="md" h="100%">
              <Text fw={700} c="blue.9">
                {pick(locale, { vi: group.title, en: group.title_en })}
              </Text>
              <Text size="sm" c="dimmed" lineClamp={2}>
                {pick(locale, { vi: group.description, en: group.description_en })}
              </Text>
              <Text size="sm" fw={500} mt={6}>
                {fill(t.datasetCount, { n: formatNumber(group.package_count ?? 0, locale) })}
              </Text>
            </Card>
          </UnstyledButton>
        </li>
      ))}
    </SimpleGrid>
  );
}
