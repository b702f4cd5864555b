import { Table } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert';
import { PageControls } from './PageControls';
import { EmptyBlock, LoadingBlock } from './StatusBlocks';

export interface ListPage {
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  readonly onOffsetChange: (offset: number) => void;
}

/**
 * A console list in its four states: loading, failed, empty (a sentence, never a blank area) and a
 * striped table with a caption for screen readers, scrolling sideways on a phone, with the pager below
 * when `page` is given. `head` is the header row's cells; `row` renders one `<Table.Tr key=…>`.
 */
export function ListTable<T>({
  query,
  items,
  empty,
  caption,
  minWidth,
  head,
  row,
  page,
}: {
  /** The list's query, for its loading and error states. */
  readonly query: Pick<UseQueryResult, 'isPending' | 'isError' | 'error'>;
  readonly items: readonly T[] | undefined;
  readonly empty: string;
  readonly caption: string;
  readonly minWidth: number;
  readonly head: ReactNode;
  readonly row: (item: T) => ReactNode;
  readonly page?: ListPage;
}) {
  if (query.isPending) return <LoadingBlock />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  if (!items || items.length === 0) return <EmptyBlock title={empty} />;
  return (
    <>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table striped highlightOnHover verticalSpacing="sm">
          <caption className="visually-hidden">{caption}</caption>
          <Table.Thead>
            <Table.Tr>{head}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>{items.map(row)}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {page && <PageControls {...page} />}
    </>
  );
}
