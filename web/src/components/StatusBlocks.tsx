import { Center, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useMessages } from '../lib/i18n';
import { commonMessages } from './common.i18n';

/** A loading state announced to screen readers. */
export function LoadingBlock({ label }: { readonly label?: string }) {
  const t = useMessages(commonMessages);
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="md" aria-hidden />
        <Text size="sm" c="dimmed">
          {label ?? t.loading}
        </Text>
      </Stack>
    </Center>
  );
}

/** What a list shows when it has nothing: a sentence saying so, never a blank area. */
export function EmptyBlock({ title, children }: { readonly title?: string; readonly children?: ReactNode }) {
  const t = useMessages(commonMessages);
  return (
    <Stack align="center" gap={4} py="xl" ta="center">
      <Text fw={500}>{title ?? t.noData}</Text>
      {children && (
        <Text size="sm" c="dimmed">
          {children}
        </Text>
      )}
    </Stack>
  );
}
