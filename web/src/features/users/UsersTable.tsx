import { Anchor, Badge, Group, Table } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/format';
import { pick, useLocale, useMessages } from '../../lib/i18n';
import type { Agency } from '../agencies/agencies.api';
import { roleLabels } from '../auth/roles';
import type { User } from './users.api';
import { userMessages } from './users.i18n';

export function UsersTable({
  users,
  agencies,
}: {
  readonly users: readonly User[];
  readonly agencies: ReadonlyMap<string, Agency>;
}) {
  const t = useMessages(userMessages);
  const { locale } = useLocale();
  const agencyName = (id: string | null) => {
    if (!id) return t.cityWide;
    const agency = agencies.get(id);
    return agency ? pick(locale, { vi: agency.nameVi, en: agency.nameEn }) : id;
  };
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <caption className="visually-hidden">{t.listLabel}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.displayName}</Table.Th>
            <Table.Th scope="col">{t.email}</Table.Th>
            <Table.Th scope="col">{t.grants}</Table.Th>
            <Table.Th scope="col">{t.status}</Table.Th>
            <Table.Th scope="col">{t.lastLogin}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>
                <Anchor component={Link} to={`/console/users/${user.id}`} fw={500}>
                  {user.displayName}
                </Anchor>
              </Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{user.email}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {user.grants.map((grant) => (
                    <Badge key={`${grant.role}-${grant.agencyId ?? ''}`} variant="light" tt="none" size="sm">
                      {roleLabels[locale][grant.role]} · {agencyName(grant.agencyId)}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <Badge color={user.active ? 'teal' : 'gray'} variant="light" tt="none" size="sm">
                    {user.active ? t.active : t.inactive}
                  </Badge>
                  {user.locked && (
                    <Badge color="red" variant="light" tt="none" size="sm">
                      {t.locked}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t.neverLoggedIn}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
