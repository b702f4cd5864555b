import { Anchor, Badge, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { commonMessages } from '../../components/common.i18n';
import { ConfirmButton } from '../../components/ConfirmButton';
import { fill, useLocale, useMessages } from '../../lib/i18n';
import { formatBytes, resourceTitle } from '../opendata-dataset/resource-kinds';
import { opendataKey } from '../opendata/opendata.api';
import type { CkanPackage, CkanResource } from '../opendata/opendata.types';
import { LoadStatus } from './LoadStatus';
import { deleteResource } from './publish.api';
import { publishMessages } from './publish.i18n';
import { ResourceUpload } from './ResourceUpload';

/** The dataset's files, each with its DataStore load, and the upload form for one more. */
export function ResourcesPanel({ dataset }: { readonly dataset: CkanPackage }) {
  const t = useMessages(publishMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const client = useQueryClient();
  const [justUploaded, setJustUploaded] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: opendataKey });
  const remove = useMutation({
    mutationFn: (resource: CkanResource) => deleteResource(resource.id),
    onSuccess: async (_result, resource) => {
      notifications.show({ color: 'green', message: fill(t.fileDeleted, { name: resourceTitle(resource) }) });
      await refresh();
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: common.errorTitle, message: error.message }),
  });

  return (
    <Stack gap="md">
      {dataset.resources.length === 0 && (
        <Text size="sm" c="dimmed">
          {t.noFiles}
        </Text>
      )}
      <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {dataset.resources.map((resource) => {
          const title = resourceTitle(resource);
          return (
            <Paper
              component="li"
              key={resource.id}
              withBorder
              p="sm"
              aria-label={fill(t.fileName, { name: title })}
            >
              <Stack gap="xs">
                <Group justify="space-between" gap="xs" align="flex-start">
                  <Group gap="xs" wrap="nowrap" style={{ minWidth: 0, flex: '1 1 14rem' }}>
                    <Badge radius="sm" style={{ flexShrink: 0 }}>
                      {resource.format || '?'}
                    </Badge>
                    <Anchor href={resource.url} style={{ overflowWrap: 'anywhere' }}>
                      {title}
                    </Anchor>
                    <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                      {formatBytes(resource.size, locale)}
                    </Text>
                  </Group>
                  <ConfirmButton
                    title={t.deleteFileTitle}
                    message={fill(t.deleteFileMessage, { name: title })}
                    confirmLabel={common.delete}
                    onConfirm={() => remove.mutateAsync(resource).catch(() => undefined)}
                    loading={remove.isPending}
                    buttonProps={{ 'aria-label': `${common.delete}: ${title}` }}
                  >
                    {common.delete}
                  </ConfirmButton>
                </Group>
                {resource.url_type === 'upload' && (
                  <LoadStatus
                    resourceId={resource.id}
                    name={title}
                    showPreview={resource.id === justUploaded}
                  />
                )}
              </Stack>
            </Paper>
          );
        })}
      </Stack>
      <Divider />
      <Title order={3} size="h5">
        {t.uploadTitle}
      </Title>
      <ResourceUpload
        packageId={dataset.id}
        onUploaded={(resource) => {
          setJustUploaded(resource.id);
          void refresh();
        }}
      />
    </Stack>
  );
}
