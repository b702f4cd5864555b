import { Group, Pagination, Text } from '@mantine/core';
import { fill, useMessages } from '../lib/i18n';
import { commonMessages } from './common.i18n';

/** "Showing 21–40 of 95" and page buttons for an offset/limit list. */
export function PageControls({
  total,
  limit,
  offset,
  onOffsetChange,
}: {
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  readonly onOffsetChange: (offset: number) => void;
}) {
  const t = useMessages(commonMessages);
  if (total === 0) return null;
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = Math.floor(offset / limit) + 1;
  return (
    <Group justify="space-between" mt="md" gap="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {fill(t.range, { from: offset + 1, to: Math.min(offset + limit, total), total })}
      </Text>
      {pages > 1 && (
        <nav aria-label={t.pagination}>
          <Pagination
            total={pages}
            value={page}
            onChange={(next) => onOffsetChange((next - 1) * limit)}
            size="sm"
            siblings={1}
          />
        </nav>
      )}
    </Group>
  );
}
