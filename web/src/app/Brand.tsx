import { Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { useMessages } from '../lib/i18n';
import { appMessages } from './app.i18n';

/** The site's name, linking home. The logo is decorative; the text names the link. */
/** `compact` hides the words on phones, leaving the logo (the link keeps its accessible name). */
export function Brand({
  to = '/',
  subtitle,
  compact = false,
}: {
  readonly to?: string;
  readonly subtitle?: string;
  readonly compact?: boolean;
}) {
  const t = useMessages(appMessages);
  return (
    <UnstyledButton
      component={Link}
      to={to}
      style={{ minWidth: 0 }}
      aria-label={compact ? t.siteName : undefined}
    >
      <Group gap="xs" wrap="nowrap">
        <img src="/favicon.svg" alt="" width={32} height={32} />
        <Stack gap={0} style={{ minWidth: 0 }} visibleFrom={compact ? 'xs' : undefined}>
          <Text fw={700} size="md" lh={1.2} truncate>
            {t.siteName}
          </Text>
          <Text size="xs" c="dimmed" lh={1.2} truncate visibleFrom="xs">
            {subtitle ?? t.siteTagline}
          </Text>
        </Stack>
      </Group>
    </UnstyledButton>
  );
}
