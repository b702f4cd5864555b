import { Table, Text, Title } from '@mantine/core';
import { fill, useMessages } from '../../lib/i18n';
import type { LoadReport } from './publish.api';
import { publishMessages } from './publish.i18n';

/** The problems a load met, each with its line in the file and its column, so they can be fixed. */
export function LoadProblems({ report }: { readonly report: LoadReport }) {
  const t = useMessages(publishMessages);
  if (report.errors.length === 0) return null;
  const title = fill(t.loadErrors, { n: report.errorCount });
  return (
    <div>
      <Title order={4} size="h6" mb={4}>
        {title}
      </Title>
      <Table.ScrollContainer minWidth={420} maxHeight={300} type="native">
        <Table striped withTableBorder fz="sm">
          <caption className="visually-hidden">{title}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.line}</Table.Th>
              <Table.Th scope="col">{t.column}</Table.Th>
              <Table.Th scope="col">{t.problem}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.errors.map((problem, index) => (
              <Table.Tr key={`${problem.line ?? ''}-${problem.field ?? ''}-${index}`}>
                <Table.Td>{problem.line ?? '—'}</Table.Td>
                <Table.Td>{problem.field ?? '—'}</Table.Td>
                <Table.Td>{problem.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {report.errorCount > report.errors.length && (
        <Text size="xs" c="dimmed" mt={4}>
          {fill(t.loadErrorsShown, { shown: report.errors.length, n: report.errorCount })}
        </Text>
      )}
    </div>
  );
}
