import { Anchor, Box, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatNumber } from '../lib/format';
import { useLocale } from '../lib/i18n';

export interface BarListItem {
  readonly key: string;
  readonly label: string;
  readonly value: number;
  /** A page about this item, e.g. the organisation's datasets. */
  readonly href?: string;
}

/**
 * A horizontal bar chart made of text and boxes: long names wrap instead of being cut, it fits any
 * screen, and screen readers read it as the list of names and numbers it is.
 */
export function BarList({
  items,
  label,
}: {
  readonly items: readonly BarListItem[];
  readonly label: string;
}) {
  const { locale } = useLocale();
  const max = Math.max(1, ...items.map((item) => item.value));
  return (
    <Stack component="ul" gap={10} aria-label={label} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {items.map((item) => (
        <li key={item.key}>
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {item.href ? (
                <Anchor component={Link} to={item.href} inherit>
                  {item.label}
                </Anchor>
              ) : (
                item.label
              )}
            </Text>
            <Text size="sm" fw={700}>
              {formatNumber(item.value, locale)}
            </Text>
          </Group>
          <Box h={8} mt={4} bg="gray.1" style={{ borderRadius: 4 }} aria-hidden>
            <Box
              h="100%"
              w={`${(item.value / max) * 100}%`}
              bg="#1864ab"
              style={{ borderRadius: 4, minWidth: item.value > 0 ? 2 : 0 }}
            />
          </Box>
        </li>
      ))}
    </Stack>
  );
}
