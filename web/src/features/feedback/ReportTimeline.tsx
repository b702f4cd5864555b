import { Text, Timeline } from '@mantine/core';
import { formatDateTime } from '../../lib/format';
import { useMessages } from '../../lib/i18n';
import type { HistoryEntry } from './feedback.api';
import { statusNames } from './feedback.i18n';
import { actionNames, trackMessages } from './track.i18n';

function isKnownAction(action: string): action is keyof typeof actionNames.vi {
  return action in actionNames.vi;
}

/** The public steps, oldest first: what happened, when, and the public note (plain text). */
export function ReportTimeline({ history }: { readonly history: readonly HistoryEntry[] }) {
  const t = useMessages(trackMessages);
  const actions = useMessages(actionNames);
  const statuses = useMessages(statusNames);
  if (history.length === 0) return <Text c="dimmed">{t.timelineEmpty}</Text>;
  return (
    <Timeline
      active={history.length - 1}
      bulletSize={14}
      lineWidth={2}
      component="ol"
      style={{ paddingLeft: 0 }}
    >
      {history.map((entry, index) => (
        <Timeline.Item
          key={`${entry.occurredAt}-${index}`}
          component="li"
          title={isKnownAction(entry.action) ? actions[entry.action] : statuses[entry.status]}
        >
          <Text size="xs" c="dimmed">
            <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt)}</time> ·{' '}
            {statuses[entry.status]}
          </Text>
          {entry.note && (
            <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {entry.note}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
