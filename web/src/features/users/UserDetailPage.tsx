import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { commonMessages } from '../../components/common.i18n';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OneTimeSecret } from '../../components/OneTimeSecret';
import { PageTitle } from '../../components/PageTitle';
import { LoadingBlock } from '../../components/StatusBlocks';
import { formatDateTime } from '../../lib/format';
import { fill, useMessages } from '../../lib/i18n';
import { useAllAgencies } from '../agencies/agencies.api';
import { GrantsEditor, invalidGrantIndexes, toGrants, type DraftGrant } from './GrantsEditor';
import { resetPassword, setGrants, unlockUser, updateUser, useUser, usersKey, type User } from './users.api';
import { userMessages } from './users.i18n';
import { UserProfileForm } from './UserProfileForm';

export function UserDetailPage() {
  const t = useMessages(userMessages);
  const { id = '' } = useParams();
  const user = useUser(id);
  return (
    <Stack>
      <Anchor component={Link} to="/console/users" size="sm">
        {t.back}
      </Anchor>
      {user.isPending && <LoadingBlock />}
      {user.isError && <ErrorAlert error={user.error} />}
      {user.data && <UserDetail key={`${user.data.id}:${user.dataUpdatedAt}`} user={user.data} />}
    </Stack>
  );
}

function UserDetail({ user }: { readonly user: User }) {
  const t = useMessages(userMessages);
  const common = useMessages(commonMessages);
  const client = useQueryClient();
  const agencies = useAllAgencies();
  const [grants, setDraftGrants] = useState<DraftGrant[]>(user.grants);
  const [checked, setChecked] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const refresh = (saved?: User) => {
    if (saved) client.setQueryData([...usersKey, 'one', user.id], saved);
    void client.invalidateQueries({ queryKey: [...usersKey, 'list'] });
  };
  const onError = (error: Error) =>
    notifications.show({ color: 'red', title: common.errorTitle, message: error.message });

  const saveGrants = useMutation({
    mutationFn: () => setGrants(user.id, toGrants(grants)),
    onSuccess: (saved) => {
      notifications.show({ color: 'green', message: t.grantsSaved });
      refresh(saved);
    },
  });
  const setActive = useMutation({
    mutationFn: (active: boolean) => updateUser(user.id, { active }),
    onSuccess: refresh,
    onError,
  });
  const unlock = useMutation({
    mutationFn: () => unlockUser(user.id),
    onSuccess: (saved) => {
      notifications.show({ color: 'green', message: t.unlocked });
      refresh(saved);
    },
    onError,
  });
  const reset = useMutation({
    mutationFn: () => resetPassword(user.id),
    onSuccess: (result) => setSecret(result.temporaryPassword),
    onError,
  });

  return (
    <Stack>
      <PageTitle
        title={user.displayName}
        description={user.email}
        actions={
          <Group gap={4}>
            <Badge color={user.active ? 'teal' : 'gray'} variant="light" tt="none">
              {user.active ? t.active : t.inactive}
            </Badge>
            {user.locked && (
              <Badge color="red" variant="light" tt="none">
                {t.locked}
              </Badge>
            )}
          </Group>
        }
      />
      {secret && (
        <OneTimeSecret label={t.temporaryPassword} value={secret} warning={t.temporaryPasswordWarning} />
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder p="md" component="section" aria-labelledby="profile-title">
          <Title id="profile-title" order={2} size="h4" mb="sm">
            {t.profile}
          </Title>
          <UserProfileForm user={user} onSaved={refresh} />
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="security-title">
          <Title id="security-title" order={2} size="h4" mb="sm">
            {t.security}
          </Title>
          <Stack gap="sm" align="flex-start">
            <Text size="sm">
              {t.lastLogin}: {user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t.neverLoggedIn}
            </Text>
            {user.locked && (
              <Button variant="light" onClick={() => unlock.mutate()} loading={unlock.isPending}>
                {t.unlock}
              </Button>
            )}
            <ConfirmButton
              title={t.resetTitle}
              message={fill(t.resetMessage, { name: user.displayName })}
              confirmLabel={t.reset}
              onConfirm={() => reset.mutateAsync().catch(() => undefined)}
              loading={reset.isPending}
              buttonProps={{ size: 'sm', color: 'orange' }}
            >
              {t.reset}
            </ConfirmButton>
            {user.active ? (
              <ConfirmButton
                title={t.deactivateTitle}
                message={fill(t.deactivateMessage, { name: user.displayName })}
                confirmLabel={t.deactivate}
                onConfirm={() => setActive.mutateAsync(false).catch(() => undefined)}
                loading={setActive.isPending}
                buttonProps={{ size: 'sm' }}
              >
                {t.deactivate}
              </ConfirmButton>
            ) : (
              <Button variant="light" onClick={() => setActive.mutate(true)} loading={setActive.isPending}>
                {t.activate}
              </Button>
            )}
          </Stack>
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="md" component="section" aria-labelledby="grants-title">
        <Title id="grants-title" order={2} size="h4" mb="sm">
          {t.grants}
        </Title>
        <Stack>
          {saveGrants.isError && <ErrorAlert error={saveGrants.error} />}
          <GrantsEditor
            value={grants}
            onChange={setDraftGrants}
            agencies={agencies.data ?? []}
            showErrors={checked}
          />
          <Group>
            <Button
              onClick={() => {
                setChecked(true);
                if (invalidGrantIndexes(grants).length === 0) saveGrants.mutate();
              }}
              loading={saveGrants.isPending}
            >
              {t.saveGrants}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
