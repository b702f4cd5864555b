import { Badge, Button, Checkbox, Fieldset, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useId } from 'react';
import { formatNumber } from '../../lib/format';
import { fill, useLocale, useMessages } from '../../lib/i18n';
import { opendataMessages } from './opendata.i18n';
import type { FacetItem } from './opendata.types';

const SHOWN = 6;

/** One facet as a group of checkboxes with counts; long lists fold after six. */
export function FacetGroup({
  legend,
  items,
  checked,
  label,
  onToggle,
}: {
  readonly legend: string;
  readonly items: readonly FacetItem[];
  readonly checked: readonly string[];
  readonly label: (item: FacetItem) => string;
  readonly onToggle: (value: string) => void;
}) {
  const t = useMessages(opendataMessages);
  const { locale } = useLocale();
  const [expanded, { toggle }] = useDisclosure(false);
  const listId = useId();
  // Biggest first; a checked value stays listed even when the current results no longer have it.
  const sorted = [...items].sort((a, b) => b.count - a.count || label(a).localeCompare(label(b), locale));
  const missing = checked
    .filter((value) => !items.some((item) => item.name === value))
    .map((name): FacetItem => ({ name, display_name: name, count: 0 }));
  const all = [...sorted, ...missing];
  const visible = expanded ? all : all.filter((item, index) => index < SHOWN || checked.includes(item.name));
  if (all.length === 0) return null;
  return (
    <Fieldset legend={legend} variant="unstyled" p={0}>
      <Stack gap={6} id={listId}>
        {visible.map((item) => (
          <Checkbox
            key={item.name}
            checked={checked.includes(item.name)}
            onChange={() => onToggle(item.name)}
            label={
              <Group gap={6} wrap="nowrap" component="span">
                <Text span size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {label(item)}
                </Text>
                <Badge component="span" variant="light" color="gray" size="sm" radius="sm">
                  {formatNumber(item.count, locale)}
                </Badge>
              </Group>
            }
          />
        ))}
      </Stack>
      {all.length > SHOWN && (
        <Button
          variant="subtle"
          size="compact-sm"
          mt={4}
          onClick={toggle}
          aria-expanded={expanded}
          aria-controls={listId}
        >
          {expanded ? t.showLess : fill(t.showMore, { n: all.length - SHOWN })}
        </Button>
      )}
    </Fieldset>
  );
}
