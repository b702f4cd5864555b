import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { Feature, GeoJsonObject } from 'geojson';
import L from 'leaflet';
import { useCallback } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EmptyBlock, LoadingBlock } from '../../components/StatusBlocks';
import { ApiError, networkError } from '../../lib/api';
import { fill, useMessages } from '../../lib/i18n';
import { opendataKey } from '../opendata/opendata.api';
import type { CkanResource } from '../opendata/opendata.types';
import { datasetMessages } from './dataset.i18n';
import { escapeHtml, markerStyle, PreviewMap } from './PreviewMap';

/** Files larger than this are not drawn in the browser; they are for downloading. */
const MAX_BYTES = 5 * 1024 * 1024;

async function fetchGeoJson(url: string, signal: AbortSignal): Promise<GeoJsonObject> {
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: 'same-origin' });
  } catch (error) {
    if ((error as { name?: string }).name === 'AbortError') throw error;
    throw networkError();
  }
  if (!response.ok) throw new ApiError(response.status, `HTTP_${response.status}`, response.statusText);
  return (await response.json()) as GeoJsonObject;
}

function popupOf(feature: Feature): string {
  const properties = feature.properties ?? {};
  const name = properties.name ?? properties.ten ?? properties.title ?? Object.values(properties)[0];
  return escapeHtml(String(name ?? ''));
}

/** A GeoJSON file drawn on the map: points as circles, lines and areas as outlines. */
export function GeoJsonPreview({ resource }: { readonly resource: CkanResource }) {
  const t = useMessages(datasetMessages);
  const tooLarge = (resource.size ?? 0) > MAX_BYTES;
  const data = useQuery({
    queryKey: [...opendataKey, 'geojson', resource.url],
    queryFn: ({ signal }) => fetchGeoJson(resource.url, signal),
    enabled: !tooLarge,
    staleTime: 5 * 60_000,
  });
  const build = useCallback(
    () =>
      L.geoJSON(data.data, {
        pointToLayer: (_feature, latlng) => L.circleMarker(latlng, markerStyle),
        style: { color: '#1864ab', weight: 2 },
        onEachFeature: (feature, layer) => {
          const popup = popupOf(feature);
          if (popup) layer.bindPopup(popup);
        },
      }),
    [data.data],
  );
  if (tooLarge) return <EmptyBlock title={t.geoJsonTooLarge} />;
  if (data.isPending) return <LoadingBlock />;
  if (data.isError) return <ErrorAlert error={data.error} />;
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t.mapHint}
      </Text>
      <PreviewMap build={build} label={fill(t.mapGeoJson, { name: resource.name ?? '' })} />
    </Stack>
  );
}
