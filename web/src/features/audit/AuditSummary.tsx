import { List, Text } from '@mantine/core';
import { useMessages } from '../../lib/i18n';
import { auditMessages } from './audit.i18n';

function isChange(value: unknown): value is { before: unknown; after: unknown } {
  return typeof value === 'object' && value !== null && 'before' in value && 'after' in value;
}

function show(value: unknown, empty: string): string {
  if (value === null || value === undefined || value === '') return empty;
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** An entry's summary as "field: before → after" lines (updates), or "field: value" (creations). */
export function AuditSummary({ summary }: { readonly summary: Readonly<Record<string, unknown>> }) {
  const t = useMessages(auditMessages);
  // A creation lists every field; the empty ones say nothing, so only changes keep their blanks.
  const entries = Object.entries(summary).filter(
    ([, value]) => isChange(value) || (value !== null && value !== undefined && value !== ''),
  );
  if (entries.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t.nothing}
      </Text>
    );
  }
  return (
    <List size="sm" spacing={2} listStyleType="none" withPadding={false}>
      {entries.map(([key, value]) => (
        <List.Item key={key} style={{ overflowWrap: 'anywhere' }}>
          <Text span fw={500} size="sm">
            {key}:
          </Text>{' '}
          {isChange(value) ? (
            <>
              <Text span size="sm" td="line-through" c="dimmed">
                {show(value.before, t.empty_value)}
              </Text>
              {' → '}
              <Text span size="sm">
                {show(value.after, t.empty_value)}
              </Text>
            </>
          ) : (
            show(value, t.empty_value)
          )}
        </List.Item>
      ))}
    </List>
  );
}
