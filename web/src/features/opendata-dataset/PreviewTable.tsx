import { Table, Text, UnstyledButton } from '@mantine/core';
import { fill, useMessages } from '../../lib/i18n';
import type { DatastoreField, DatastoreRecord } from './datastore.api';
import { isNumericField } from './datastore.api';
import { datasetMessages } from './dataset.i18n';

export type SortState = { readonly field: string; readonly descending: boolean } | null;

/** Ascending, then descending, then the file's own order. */
function nextSort(current: SortState, field: string): SortState {
  if (current?.field !== field) return { field, descending: false };
  return current.descending ? null : { field, descending: true };
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const arrows = { ascending: ' ▲', descending: ' ▼', none: '' } as const;

/** The rows as a table whose column headers are sort buttons (aria-sort says the current order). */
export function PreviewTable({
  caption,
  fields,
  records,
  sort,
  onSort,
}: {
  readonly caption: string;
  readonly fields: readonly DatastoreField[];
  readonly records: readonly DatastoreRecord[];
  readonly sort: SortState;
  readonly onSort: (sort: SortState) => void;
}) {
  const t = useMessages(datasetMessages);
  return (
    <Table.ScrollContainer
      minWidth={Math.min(1200, fields.length * 140)}
      type="native"
      tabIndex={0}
      aria-label={t.scrollTable}
    >
      <Table striped withTableBorder highlightOnHover fz="sm">
        <caption className="visually-hidden">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            {fields.map((field) => {
              const direction =
                sort?.field === field.id ? (sort.descending ? 'descending' : 'ascending') : 'none';
              const title = field.info?.label || field.id;
              return (
                <Table.Th
                  key={field.id}
                  scope="col"
                  aria-sort={direction}
                  ta={isNumericField(field) ? 'right' : 'left'}
                >
                  <UnstyledButton
                    onClick={() => onSort(nextSort(sort, field.id))}
                    fw={700}
                    fz="sm"
                    title={fill(t.sortBy, { column: title })}
                  >
                    {title}
                    <span aria-hidden>{arrows[direction]}</span>
                  </UnstyledButton>
                </Table.Th>
              );
            })}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.map((record, index) => (
            <Table.Tr key={String(record._id ?? index)}>
              {fields.map((field) => {
                const text = cell(record[field.id]);
                return (
                  <Table.Td key={field.id} ta={isNumericField(field) ? 'right' : 'left'}>
                    {text === '' ? (
                      <Text span c="dimmed">
                        —
                      </Text>
                    ) : (
                      text
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
