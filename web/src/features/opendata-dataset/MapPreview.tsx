import { Stack, Text } from '@mantine/core';
import L from 'leaflet';
import { useCallback, useMemo } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EmptyBlock, LoadingBlock } from '../../components/StatusBlocks';
import { formatNumber } from '../../lib/format';
import { fill, useLocale, useMessages } from '../../lib/i18n';
import { pointsOf, type CoordinateColumns } from './coordinates';
import { useDatastoreSearch, type DatastoreField } from './datastore.api';
import { datasetMessages } from './dataset.i18n';
import { escapeHtml, markerStyle, PreviewMap } from './PreviewMap';

const MAP_ROWS = 2000;

/** The rows of a table with latitude and longitude columns, as points on a map. */
export function MapPreview({
  resourceId,
  fields,
  columns,
}: {
  readonly resourceId: string;
  readonly fields: readonly DatastoreField[];
  readonly columns: CoordinateColumns;
}) {
  const t = useMessages(datasetMessages);
  const { locale } = useLocale();
  const data = useDatastoreSearch({ resourceId, limit: MAP_ROWS });
  const points = useMemo(
    () => (data.data ? pointsOf(data.data.records, fields, columns) : []),
    [data.data, fields, columns],
  );
  const build = useCallback(
    () =>
      L.featureGroup(
        points.map((point) =>
          L.circleMarker([point.latitude, point.longitude], markerStyle).bindPopup(escapeHtml(point.label)),
        ),
      ),
    [points],
  );
  if (data.isPending) return <LoadingBlock />;
  if (data.isError) return <ErrorAlert error={data.error} />;
  if (points.length === 0) return <EmptyBlock title={t.noPoints} />;
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t.mapHint}
        {(data.data.total ?? 0) > MAP_ROWS && ` ${fill(t.mapLimited, { n: formatNumber(MAP_ROWS, locale) })}`}
      </Text>
      <PreviewMap
        build={build}
        label={fill(t.mapPoints, { n: points.length, lat: columns.latitude, lon: columns.longitude })}
      />
    </Stack>
  );
}
