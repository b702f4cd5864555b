import { Box, Tabs } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/StatusBlocks';
import { useMessages } from '../../lib/i18n';
import type { CkanResource } from '../opendata/opendata.types';
import { ChartBuilder } from './ChartBuilder';
import { findCoordinateColumns } from './coordinates';
import { DataDictionary } from './DataDictionary';
import { useDatastoreSearch } from './datastore.api';
import { datasetMessages } from './dataset.i18n';
import { DatastorePreview } from './DatastorePreview';
import { GeoJsonPreview } from './GeoJsonPreview';
import { MapPreview } from './MapPreview';
import { resourceTitle } from './resource-kinds';

type Tab = 'table' | 'chart' | 'map' | 'dictionary';

/** A DataStore table's views: rows, a chart, a map when it has coordinates, its data dictionary. */
function TableViews({ resource }: { readonly resource: CkanResource }) {
  const t = useMessages(datasetMessages);
  const [tab, setTab] = useState<Tab>('table');
  // limit 0: only the columns (and their data dictionary), no rows.
  const meta = useDatastoreSearch({ resourceId: resource.id, limit: 0 });
  if (meta.isPending) return <LoadingBlock />;
  if (meta.isError) return <ErrorAlert error={meta.error} />;
  const fields = meta.data.fields;
  const coordinates = findCoordinateColumns(fields);
  const name = resourceTitle(resource);
  return (
    <Tabs
      value={tab}
      onChange={(value) => setTab((value as Tab | null) ?? 'table')}
      keepMounted={false}
      variant="outline"
    >
      <Tabs.List>
        <Tabs.Tab value="table">{t.tabTable}</Tabs.Tab>
        <Tabs.Tab value="chart">{t.tabChart}</Tabs.Tab>
        {coordinates && <Tabs.Tab value="map">{t.tabMap}</Tabs.Tab>}
        <Tabs.Tab value="dictionary">{t.tabDictionary}</Tabs.Tab>
      </Tabs.List>
      <Box pt="md">
        <Tabs.Panel value="table">
          <DatastorePreview resourceId={resource.id} name={name} fields={fields} />
        </Tabs.Panel>
        <Tabs.Panel value="chart">
          <ChartBuilder resourceId={resource.id} fields={fields} />
        </Tabs.Panel>
        {coordinates && (
          <Tabs.Panel value="map">
            <MapPreview resourceId={resource.id} fields={fields} columns={coordinates} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="dictionary">
          <DataDictionary fields={fields} name={name} />
        </Tabs.Panel>
      </Box>
    </Tabs>
  );
}

export function ResourceExplorer({ resource }: { readonly resource: CkanResource }) {
  if (resource.datastore_active) return <TableViews key={resource.id} resource={resource} />;
  return <GeoJsonPreview resource={resource} />;
}
