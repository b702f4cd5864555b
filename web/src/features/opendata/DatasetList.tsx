import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { fill, pick, useLocale, useMessages } from '../../lib/i18n';
import { ckanDay } from './ckan-dates';
import { opendataMessages } from './opendata.i18n';
import type { CkanPackage } from './opendata.types';

/** Distinct formats of a dataset's files, upper case (CSV, XLSX, JSON…). */
export function formatsOf(dataset: Pick<CkanPackage, 'resources'>): string[] {
  return [...new Set(dataset.resources.map((resource) => resource.format.toUpperCase()).filter(Boolean))];
}

export function FormatBadges({ formats }: { readonly formats: readonly string[] }) {
  return (
    <Group gap={4}>
      {formats.map((format) => (
        <Badge key={format} variant="light" color="gray" size="sm" radius="sm">
          {format}
        </Badge>
      ))}
    </Group>
  );
}

/** Datasets as a list of cards: title (a link, the card's heading), agency, summary, formats, date. */
export function DatasetList({
  datasets,
  headingLevel = 3,
}: {
  readonly datasets: readonly CkanPackage[];
  readonly headingLevel?: 2 | 3;
}) {
  const t = useMessages(opendataMessages);
  const { locale } = useLocale();
  return (
    <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {datasets.map((dataset) => {
        const org = dataset.organization;
        return (
          <Paper component="li" key={dataset.id} withBorder p="md">
            <Stack gap={6}>
              <Title order={headingLevel} size="h4" style={{ overflowWrap: 'anywhere' }}>
                <Anchor component={Link} to={`/data/dataset/${encodeURIComponent(dataset.name)}`} inherit>
                  {pick(locale, { vi: dataset.title || dataset.name, en: dataset.title_en })}
                </Anchor>
              </Title>
              {org && (
                <Text size="sm" c="dimmed">
                  {pick(locale, { vi: org.title, en: org.title_en })}
                </Text>
              )}
              <Text size="sm" lineClamp={2}>
                {pick(locale, { vi: dataset.notes ?? '', en: dataset.notes_en })}
              </Text>
              <Group gap="xs" justify="space-between">
                <Group gap={6}>
                  <FormatBadges formats={formatsOf(dataset)} />
                  {dataset.is_sample && (
                    <Badge color="orange" variant="light" size="sm">
                      {t.sample}
                    </Badge>
                  )}
                  {dataset.state === 'draft' && (
                    <Badge color="yellow" variant="light" size="sm">
                      {t.draft}
                    </Badge>
                  )}
                  {dataset.private && (
                    <Badge color="red" variant="light" size="sm">
                      {t.private}
                    </Badge>
                  )}
                </Group>
                <Text size="xs" c="dimmed">
                  {fill(t.updatedOn, { date: ckanDay(dataset.metadata_modified) })}
                </Text>
              </Group>
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
