import { Button, Group, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMessages } from '../../lib/i18n';
import { consoleMessages } from './feedback-console.i18n';
import type { LatLng } from './feedback-console.api';
import { ReportMap } from './ReportMap';

export interface LocationDraft {
  readonly latitude: number | string;
  readonly longitude: number | string;
}

export const emptyLocation: LocationDraft = { latitude: '', longitude: '' };

/** The draft as the API wants it; `'half'` when only one coordinate is filled in. */
export function locationOf(draft: LocationDraft): LatLng | null | 'half' {
  const lat = draft.latitude === '' ? null : Number(draft.latitude);
  const lon = draft.longitude === '' ? null : Number(draft.longitude);
  if (lat === null && lon === null) return null;
  if (lat === null || lon === null || Number.isNaN(lat) || Number.isNaN(lon)) return 'half';
  return { latitude: lat, longitude: lon };
}

/** Map pin and coordinates, kept in step: click the map, or type (keyboard users, a caller's GPS). */
export function LocationFields({
  value,
  onChange,
  error,
}: {
  readonly value: LocationDraft;
  readonly onChange: (next: LocationDraft) => void;
  readonly error?: string | undefined;
}) {
  const t = useMessages(consoleMessages);
  const location = locationOf(value);
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t.location}
      </Text>
      <Text size="xs" c="dimmed">
        {t.mapHint}
      </Text>
      <ReportMap
        label={t.pinMap}
        location={location === 'half' ? null : location}
        onPick={(picked) => onChange(picked)}
        height={260}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput
          label={t.latitude}
          min={-90}
          max={90}
          decimalScale={6}
          value={value.latitude}
          onChange={(latitude) => onChange({ ...value, latitude })}
          error={error}
        />
        <NumberInput
          label={t.longitude}
          min={-180}
          max={180}
          decimalScale={6}
          value={value.longitude}
          onChange={(longitude) => onChange({ ...value, longitude })}
        />
      </SimpleGrid>
      {location !== null && (
        <Group>
          <Button variant="subtle" size="xs" onClick={() => onChange(emptyLocation)}>
            {t.clearPin}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
