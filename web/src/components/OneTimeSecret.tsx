import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useMessages } from '../lib/i18n';
import { commonMessages } from './common.i18n';

/** A secret the server shows only once (an API token, a temporary password): copy it now. */
export function OneTimeSecret({
  label,
  value,
  warning,
}: {
  readonly label: string;
  readonly value: string;
  readonly warning: string;
}) {
  const t = useMessages(commonMessages);
  return (
    <Alert color="yellow" variant="light" title={label} role="status">
      <Stack gap="xs">
        <Text size="sm">{warning}</Text>
        <Group gap="xs" wrap="nowrap" align="center">
          <Code block style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} aria-label={label}>
            {value}
          </Code>
          <CopyButton value={value}>
            {({ copied, copy }) => (
              <Button size="xs" color={copied ? 'teal.9' : 'blue'} onClick={copy} aria-live="polite">
                {copied ? t.copied : t.copy}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  );
}
