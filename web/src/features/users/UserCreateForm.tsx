import { Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { commonMessages } from '../../components/common.i18n';
import { PasswordField } from '../../components/PasswordField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrorsOf } from '../../lib/forms';
import { useMessages } from '../../lib/i18n';
import type { Agency } from '../agencies/agencies.api';
import { GrantsEditor, invalidGrantIndexes, toGrants, type DraftGrant } from './GrantsEditor';
import { createUser, type User } from './users.api';
import { userMessages } from './users.i18n';

export function UserCreateForm({
  agencies,
  onCreated,
  onCancel,
}: {
  readonly agencies: readonly Agency[];
  readonly onCreated: (user: User, temporaryPassword: string | null) => void;
  readonly onCancel: () => void;
}) {
  const t = useMessages(userMessages);
  const common = useMessages(commonMessages);
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [locale, setLocale] = useState<'vi' | 'en'>('vi');
  const [password, setPassword] = useState('');
  const [grants, setGrants] = useState<DraftGrant[]>([{ role: 'viewer', agencyId: null }]);
  const [checked, setChecked] = useState(false);
  const create = useMutation({
    mutationFn: () =>
      createUser({
        email: email.trim(),
        displayName: displayName.trim(),
        locale,
        grants: toGrants(grants),
        ...(password ? { password } : {}),
      }),
    onSuccess: (created) => onCreated(created.user, created.temporaryPassword),
  });
  const server = fieldErrorsOf(create.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!email.trim() || !displayName.trim() || invalidGrantIndexes(grants).length > 0) return;
    create.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {common.requiredHint}
        </Text>
        {create.isError && (
          <ErrorAlert error={create.error} shownFields={['email', 'displayName', 'password']} />
        )}
        <TextInput
          label={t.displayName}
          required
          value={displayName}
          onChange={(event) => setDisplayName(event.currentTarget.value)}
          error={checked && !displayName.trim() ? common.required : server.displayName}
        />
        <TextInput
          label={t.email}
          type="email"
          required
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={checked && !email.trim() ? common.required : server.email}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="new-user-locale">
            {t.locale}
          </Text>
          <SegmentedControl
            aria-labelledby="new-user-locale"
            value={locale}
            onChange={(value) => setLocale(value === 'en' ? 'en' : 'vi')}
            data={[
              { value: 'vi', label: t.vi },
              { value: 'en', label: t.en },
            ]}
          />
        </Stack>
        <PasswordField
          label={t.password}
          description={t.passwordHint}
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={server.password}
        />
        <GrantsEditor value={grants} onChange={setGrants} agencies={agencies} showErrors={checked} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {common.cancel}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t.add}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
