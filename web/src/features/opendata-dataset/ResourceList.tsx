import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { fill, useLocale, useMessages } from '../../lib/i18n';
import { ckanDay } from '../opendata/ckan-dates';
import type { CkanResource } from '../opendata/opendata.types';
import { datasetMessages } from './dataset.i18n';
import { canPreview, formatBytes, isTabular, resourceTitle } from './resource-kinds';

/** The dataset's files: format, size, date, a download link and, for tables and maps, a preview button. */
export function ResourceList({
  resources,
  selected,
  onSelect,
}: {
  readonly resources: readonly CkanResource[];
  readonly selected: string | null;
  readonly onSelect: (id: string) => void;
}) {
  const t = useMessages(datasetMessages);
  const { locale } = useLocale();
  if (resources.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t.noResources}
      </Text>
    );
  return (
    <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {resources.map((resource) => {
        const title = resourceTitle(resource);
        const isSelected = selected === resource.id;
        return (
          <Paper
            component="li"
            key={resource.id}
            withBorder
            p="sm"
            style={isSelected ? { borderColor: '#1864ab', borderWidth: 2 } : undefined}
          >
            <Group justify="space-between" align="flex-start" gap="sm">
              <Stack gap={4} style={{ flex: '1 1 14rem', minWidth: 0 }}>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Badge variant="filled" color="blue" radius="sm" style={{ flexShrink: 0 }}>
                    {resource.format || '?'}
                  </Badge>
                  <Text fw={500} style={{ overflowWrap: 'anywhere' }}>
                    {title}
                  </Text>
                </Group>
                {resource.description && (
                  <Text size="sm" c="dimmed">
                    {resource.description}
                  </Text>
                )}
                {isTabular(resource) && !resource.datastore_active && (
                  <Text size="xs" c="dimmed">
                    {t.notLoaded}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {[formatBytes(resource.size, locale), ckanDay(resource.last_modified ?? resource.created)]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Stack>
              <Group gap="xs">
                {canPreview(resource) && (
                  <Button
                    size="xs"
                    variant={isSelected ? 'filled' : 'light'}
                    onClick={() => onSelect(resource.id)}
                    aria-pressed={isSelected}
                    aria-label={`${isSelected ? t.previewing : t.preview}: ${title}`}
                  >
                    {isSelected ? t.previewing : t.preview}
                  </Button>
                )}
                <Button
                  size="xs"
                  variant="default"
                  component="a"
                  href={resource.url}
                  aria-label={fill(t.downloadNamed, { name: title })}
                >
                  {t.download}
                </Button>
              </Group>
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
