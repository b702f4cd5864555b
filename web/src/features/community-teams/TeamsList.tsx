import type { ReactNode } from 'react';
import { Badge, Table } from '@mantine/core';
import { formatDay } from '../../lib/format';
import { useMessages } from '../../lib/i18n';
import type { CommunityTeam } from './teams.api';
import { teamMessages } from './teams.i18n';

/** The teams as a table; `actions` adds a column of buttons in the console. */
export function TeamsList({
  teams,
  actions,
}: {
  readonly teams: readonly CommunityTeam[];
  readonly actions?: (team: CommunityTeam) => ReactNode;
}) {
  const t = useMessages(teamMessages);
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped verticalSpacing="sm">
        <caption className="visually-hidden">{t.list}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.name}</Table.Th>
            <Table.Th scope="col">{t.memberCount}</Table.Th>
            <Table.Th scope="col">{t.leader}</Table.Th>
            <Table.Th scope="col">{t.adminUnit}</Table.Th>
            <Table.Th scope="col">{t.establishedOn}</Table.Th>
            {actions && <Table.Th scope="col" />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {teams.map((team) => (
            <Table.Tr key={team.id}>
              <Table.Td>
                {team.name}{' '}
                {team.isSample && (
                  <Badge color="orange" variant="light" size="sm" tt="none">
                    {t.sample}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{team.memberCount}</Table.Td>
              <Table.Td>{team.leaderName ?? '—'}</Table.Td>
              <Table.Td>{team.adminUnitCode ?? '—'}</Table.Td>
              <Table.Td>{team.establishedOn ? formatDay(team.establishedOn) : '—'}</Table.Td>
              {actions && <Table.Td>{actions(team)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
