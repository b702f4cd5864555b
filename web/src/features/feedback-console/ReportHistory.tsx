import { Badge, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { formatDateTime } from '../../lib/format';
import { useLocale, useMessages } from '../../lib/i18n';
import type { HistoryEntry } from './feedback-console.api';
import { actionLabel } from './feedback-labels';
import { detailMessages } from './report-detail.i18n';
import { StatusBadge } from './StatusBadge';

/** Every step, oldest first, with who took it and whether the citizen sees it. */
export function ReportHistory({ history }: { readonly history: readonly HistoryEntry[] }) {
  const t = useMessages(detailMessages);
  const { locale } = useLocale();
  return (
    <Stack component="section" aria-labelledby="report-history" gap="sm">
      <Title id="report-history" order={2} size="h4">
        {t.history}
      </Title>
      <Timeline bulletSize={14} lineWidth={2} aria-label={t.historyLabel}>
        {history.map((entry) => (
          <Timeline.Item
            key={entry.id}
            title={
              <Group gap="xs">
                <Text fw={600} size="sm">
                  {actionLabel(locale, entry.action)}
                </Text>
                <StatusBadge status={entry.toStatus} />
                <Badge size="xs" variant="outline" color={entry.isPublic ? 'teal' : 'gray'} tt="none">
                  {entry.isPublic ? t.public : t.internal}
                </Badge>
              </Group>
            }
          >
            <Text size="xs" c="dimmed">
              {formatDateTime(entry.occurredAt)} · {entry.actorLabel}
            </Text>
            {entry.note && (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {entry.note}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}
