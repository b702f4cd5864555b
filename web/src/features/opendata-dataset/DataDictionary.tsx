import { Table } from '@mantine/core';
import { fill, useMessages } from '../../lib/i18n';
import type { DatastoreField } from './datastore.api';
import { datasetMessages } from './dataset.i18n';

/** The table's columns: name, type, and the label and description the publisher gave them. */
export function DataDictionary({
  fields,
  name,
}: {
  readonly fields: readonly DatastoreField[];
  readonly name: string;
}) {
  const t = useMessages(datasetMessages);
  return (
    <Table.ScrollContainer minWidth={520} type="native">
      <Table striped withTableBorder fz="sm">
        <caption className="visually-hidden">{fill(t.dictionaryCaption, { name })}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.field}</Table.Th>
            <Table.Th scope="col">{t.type}</Table.Th>
            <Table.Th scope="col">{t.label}</Table.Th>
            <Table.Th scope="col">{t.notes}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {fields
            .filter((field) => field.id !== '_id')
            .map((field) => (
              <Table.Tr key={field.id}>
                <Table.Th scope="row">
                  <code>{field.id}</code>
                </Table.Th>
                <Table.Td>{field.info?.type_override || field.type}</Table.Td>
                <Table.Td>{field.info?.label || '—'}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-line' }}>{field.info?.notes || '—'}</Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
