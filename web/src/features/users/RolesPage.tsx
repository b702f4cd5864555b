import { Anchor, Badge, Card, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { defineMessages, fill, useLocale, useMessages } from '../../lib/i18n';
import { roleDescriptions, roleLabels, roles, roleScopes } from '../auth/roles';
import { listUsers, usersKey } from './users.api';

const messages = defineMessages(
  {
    title: 'Vai trò',
    intro:
      'Sáu vai trò cố định của nền tảng. Vai trò được giao cho từng tài khoản, trên toàn thành phố hoặc trong một cơ quan, tại trang Tài khoản.',
    city: 'Chỉ toàn thành phố',
    agency: 'Luôn gắn với một cơ quan',
    either: 'Toàn thành phố hoặc một cơ quan',
    holders: '{count} tài khoản',
    list: 'Xem các tài khoản có vai trò này',
  },
  {
    title: 'Roles',
    intro:
      "The platform's six fixed roles. Roles are granted per account, city-wide or within one agency, on the Accounts page.",
    city: 'City-wide only',
    agency: 'Always tied to an agency',
    either: 'City-wide or one agency',
    holders: '{count} accounts',
    list: 'See accounts with this role',
  },
);

/** The role catalogue, with how many accounts (visible to you) hold each role, live. */
export function RolesPage() {
  const t = useMessages(messages);
  const descriptions = useMessages(roleDescriptions);
  const { locale } = useLocale();
  const counts = useQueries({
    queries: roles.map((role) => ({
      queryKey: [...usersKey, 'count', role],
      queryFn: () => listUsers({ role, limit: 1, offset: 0 }),
    })),
  });
  return (
    <Stack>
      <PageTitle title={t.title} description={t.intro} />
      <SimpleGrid
        cols={{ base: 1, sm: 2, lg: 3 }}
        component="ul"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {roles.map((role, index) => {
          const total = counts[index]?.data?.total;
          return (
            <Card key={role} withBorder component="li">
              <Stack gap={6}>
                <Text fw={700}>{roleLabels[locale][role]}</Text>
                <Badge variant="light" color="gray" tt="none" w="fit-content">
                  {t[roleScopes[role]]}
                </Badge>
                <Text size="sm">{descriptions[role]}</Text>
                {total !== undefined && (
                  <Anchor component={Link} to={`/console/users?role=${role}`} size="sm" title={t.list}>
                    {fill(t.holders, { count: total })}
                  </Anchor>
                )}
              </Stack>
            </Card>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
