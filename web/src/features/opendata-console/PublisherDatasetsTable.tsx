import { Anchor, Button, Table } from '@mantine/core';
import { Link } from 'react-router';
import { commonMessages } from '../../components/common.i18n';
import { RowActions } from '../../components/RowActions';
import { fill, useMessages } from '../../lib/i18n';
import { ckanDay } from '../opendata/ckan-dates';
import type { CkanPackage } from '../opendata/opendata.types';
import { useDatasetActions } from './dataset-actions';
import { DatasetStateBadges } from './DatasetStateBadges';
import { publishMessages } from './publish.i18n';

/** The agency's datasets with their status and the publisher's actions on each. */
export function PublisherDatasetsTable({ datasets }: { readonly datasets: readonly CkanPackage[] }) {
  const t = useMessages(publishMessages);
  const common = useMessages(commonMessages);
  const { setState, remove } = useDatasetActions();
  return (
    <Table.ScrollContainer minWidth={760} type="native">
      <Table striped verticalSpacing="sm">
        <caption className="visually-hidden">{t.datasetsCaption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.colTitle}</Table.Th>
            <Table.Th scope="col">{t.colState}</Table.Th>
            <Table.Th scope="col">{t.colFiles}</Table.Th>
            <Table.Th scope="col">{t.colModified}</Table.Th>
            <Table.Th scope="col">{common.actions}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {datasets.map((dataset) => (
            <Table.Tr key={dataset.id}>
              <Table.Td>
                <Anchor component={Link} to={`/console/data/${encodeURIComponent(dataset.name)}`}>
                  {dataset.title || dataset.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <DatasetStateBadges dataset={dataset} />
              </Table.Td>
              <Table.Td>{dataset.num_resources}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{ckanDay(dataset.metadata_modified)}</Table.Td>
              <Table.Td>
                <RowActions
                  name={dataset.title}
                  editTo={`/console/data/${encodeURIComponent(dataset.name)}`}
                  remove={{
                    title: t.deleteTitle,
                    message: fill(t.deleteMessage, { title: dataset.title }),
                    onConfirm: () => remove.mutateAsync(dataset).catch(() => undefined),
                    loading: remove.isPending,
                  }}
                >
                  {dataset.state === 'draft' && (
                    <Button
                      size="xs"
                      onClick={() => setState.mutate({ dataset, state: 'active' })}
                      loading={setState.isPending && setState.variables.dataset.id === dataset.id}
                      aria-label={`${t.publish}: ${dataset.title}`}
                    >
                      {t.publish}
                    </Button>
                  )}
                </RowActions>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
