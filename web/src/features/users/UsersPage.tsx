import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { FormModal } from '../../components/FormModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OneTimeSecret } from '../../components/OneTimeSecret';
import { PageControls } from '../../components/PageControls';
import { PageTitle } from '../../components/PageTitle';
import { EmptyBlock, LoadingBlock } from '../../components/StatusBlocks';
import { fill, pick, useLocale, useMessages } from '../../lib/i18n';
import { useAllAgencies } from '../agencies/agencies.api';
import { roleLabels, roles, type Role } from '../auth/roles';
import { UserCreateForm } from './UserCreateForm';
import { listUsers, usersKey } from './users.api';
import { userMessages } from './users.i18n';
import { UsersTable } from './UsersTable';

const LIMIT = 20;

export function UsersPage() {
  const t = useMessages(userMessages);
  const { locale } = useLocale();
  const client = useQueryClient();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [params] = useSearchParams();
  const [role, setRole] = useState<Role | null>(
    () => roles.find((value) => value === params.get('role')) ?? null,
  );
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [offset, setOffset] = useState(0);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ name: string; password: string } | null>(null);
  const agencies = useAllAgencies();
  const agencyMap = useMemo(
    () => new Map((agencies.data ?? []).map((agency) => [agency.id, agency])),
    [agencies.data],
  );
  const query = {
    q: debouncedQ.trim() || undefined,
    role: role ?? undefined,
    agencyId: agencyId ?? undefined,
    limit: LIMIT,
    offset,
  };
  const users = useQuery({
    queryKey: [...usersKey, 'list', query],
    queryFn: () => listUsers(query),
    placeholderData: keepPreviousData,
  });
  const agencyOptions = (agencies.data ?? []).map((agency) => ({
    value: agency.id,
    label: pick(locale, { vi: agency.nameVi, en: agency.nameEn }),
  }));

  return (
    <Stack>
      <PageTitle
        title={t.title}
        description={t.intro}
        actions={<Button onClick={() => setCreating(true)}>{t.add}</Button>}
      />
      {secret && (
        <OneTimeSecret
          label={`${t.temporaryPassword}: ${secret.name}`}
          value={secret.password}
          warning={t.temporaryPasswordWarning}
        />
      )}
      <Group align="flex-end" gap="sm" wrap="wrap" role="search">
        <TextInput
          label={t.search}
          type="search"
          value={q}
          onChange={(event) => {
            setQ(event.currentTarget.value);
            setOffset(0);
          }}
          style={{ flex: '2 1 240px' }}
        />
        <Select
          label={t.role}
          placeholder={t.anyRole}
          data={roles.map((value) => ({ value, label: roleLabels[locale][value] }))}
          value={role}
          onChange={(value) => {
            setRole(value as Role | null);
            setOffset(0);
          }}
          clearable
          style={{ flex: '1 1 200px' }}
        />
        <Select
          label={t.agency}
          placeholder={t.anyAgency}
          data={agencyOptions}
          value={agencyId}
          onChange={(value) => {
            setAgencyId(value);
            setOffset(0);
          }}
          clearable
          searchable
          style={{ flex: '1 1 200px' }}
        />
      </Group>
      {users.isPending && <LoadingBlock />}
      {users.isError && <ErrorAlert error={users.error} />}
      {users.data && users.data.items.length === 0 && <EmptyBlock title={t.empty} />}
      {users.data && users.data.items.length > 0 && (
        <>
          <UsersTable users={users.data.items} agencies={agencyMap} />
          <PageControls total={users.data.total} limit={LIMIT} offset={offset} onOffsetChange={setOffset} />
        </>
      )}
      <FormModal opened={creating} onClose={() => setCreating(false)} title={t.addTitle} size="lg">
        {creating && (
          <UserCreateForm
            agencies={agencies.data ?? []}
            onCancel={() => setCreating(false)}
            onCreated={(user, temporaryPassword) => {
              setCreating(false);
              notifications.show({ color: 'green', message: fill(t.created, { name: user.displayName }) });
              setSecret(temporaryPassword ? { name: user.displayName, password: temporaryPassword } : null);
              void client.invalidateQueries({ queryKey: usersKey });
            }}
          />
        )}
      </FormModal>
    </Stack>
  );
}
