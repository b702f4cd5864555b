import { Box, Checkbox, ColorSwatch, Group, Stack, Text, Title } from '@mantine/core';
import { fill, useLocale, useMessages } from '../../lib/i18n';
import { formatNumber } from '../../lib/format';
import { iocMessages } from './ioc.i18n';

export const layerKeys = ['cameras', 'air', 'water', 'rain', 'wifi', 'incidents'] as const;
export type LayerKey = (typeof layerKeys)[number];

export interface LayerState {
  readonly count: number | null;
  readonly loading: boolean;
  readonly failed: boolean;
  /** False when the caller may not see the layer (incidents for visitors): no checkbox. */
  readonly available: boolean;
}

const swatches: Readonly<Record<LayerKey, string>> = {
  cameras: '#2b7a36',
  air: '#00e400',
  water: '#0b5394',
  rain: '#0b5394',
  wifi: '#7048e8',
  incidents: '#c92a2a',
};

/** The layer switches (real checkboxes, so keyboard and screen readers work) with a count and a legend. */
export function LayerPanel({
  visible,
  states,
  onToggle,
  camerasPublicOnly,
}: {
  readonly visible: Readonly<Record<LayerKey, boolean>>;
  readonly states: Readonly<Record<LayerKey, LayerState>>;
  readonly onToggle: (key: LayerKey, on: boolean) => void;
  readonly camerasPublicOnly: boolean;
}) {
  const t = useMessages(iocMessages);
  const { locale } = useLocale();
  const names: Readonly<Record<LayerKey, string>> = {
    cameras: t.layerCameras,
    air: t.layerAir,
    water: t.layerWater,
    rain: t.layerRain,
    wifi: t.layerWifi,
    incidents: t.layerIncidents,
  };
  const describe = (key: LayerKey) => {
    const state = states[key];
    if (!visible[key]) return t.layerHidden;
    if (state.failed) return t.layerFailed;
    if (state.loading) return t.layerLoading;
    return fill(t.layerCount, { count: formatNumber(state.count ?? 0, locale) });
  };
  return (
    <Stack gap={6} component="fieldset" m={0} p={0} style={{ border: 0 }}>
      <Title order={2} size="h4" component="legend" mb={4}>
        {t.layersTitle}
      </Title>
      {layerKeys
        .filter((key) => states[key].available)
        .map((key) => (
          <Group key={key} gap="xs" wrap="nowrap" justify="space-between">
            <Checkbox
              checked={visible[key]}
              onChange={(event) => onToggle(key, event.currentTarget.checked)}
              label={
                <Group gap={6} wrap="nowrap">
                  <ColorSwatch color={swatches[key]} size={12} aria-hidden />
                  <span>{names[key]}</span>
                </Group>
              }
            />
            <Text
              size="xs"
              c={states[key].failed && visible[key] ? 'red.8' : 'dimmed'}
              data-testid={`layer-count-${key}`}
            >
              {describe(key)}
            </Text>
          </Group>
        ))}
      {visible.cameras && (
        <Box mt={4}>
          <Text size="xs" c="dimmed">
            {t.camerasClustered}
          </Text>
          <Group gap="sm" mt={4}>
            {[
              ['#2b7a36', t.legendMostlyOnline],
              ['#8a6200', t.legendSomeOffline],
              ['#c92a2a', t.legendManyOffline],
            ].map(([colour, text]) => (
              <Group key={text} gap={4} wrap="nowrap">
                <ColorSwatch color={colour ?? ''} size={12} aria-hidden />
                <Text size="xs">{text}</Text>
              </Group>
            ))}
          </Group>
          {camerasPublicOnly && (
            <Text size="xs" c="dimmed" mt={4}>
              {t.camerasPublicOnly}
            </Text>
          )}
        </Box>
      )}
    </Stack>
  );
}
