import { Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useMessages } from '../../lib/i18n';
import { commonMessages } from '../../components/common.i18n';

/** A command to copy: a heading, the code (wrapping, never wider than the phone) and a copy button. */
export function CodeSample({ title, code }: { readonly title: string; readonly code: string }) {
  const t = useMessages(commonMessages);
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={500}>
          {title}
        </Text>
        <CopyButton value={code}>
          {({ copied, copy }) => (
            <Button
              size="compact-xs"
              variant="light"
              color={copied ? 'teal' : 'blue'}
              onClick={copy}
              style={{ flexShrink: 0 }}
              aria-label={`${copied ? t.copied : t.copy}: ${title}`}
            >
              {copied ? t.copied : t.copy}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {code}
      </Code>
    </Stack>
  );
}
