import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { commonMessages } from '../../components/common.i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrorsOf } from '../../lib/forms';
import { useMessages } from '../../lib/i18n';
import { updateUser, type User } from './users.api';
import { userMessages } from './users.i18n';

/** Name, e-mail and language of an account; sends only what changed. */
export function UserProfileForm({
  user,
  onSaved,
}: {
  readonly user: User;
  readonly onSaved: (user: User) => void;
}) {
  const t = useMessages(userMessages);
  const common = useMessages(commonMessages);
  const [displayName, setDisplayName] = useState(user.displayName);
  const [email, setEmail] = useState(user.email);
  const [locale, setLocale] = useState<'vi' | 'en'>(user.locale);
  const [checked, setChecked] = useState(false);
  const changes = {
    ...(displayName.trim() !== user.displayName ? { displayName: displayName.trim() } : {}),
    ...(email.trim() !== user.email ? { email: email.trim() } : {}),
    ...(locale !== user.locale ? { locale } : {}),
  };
  const save = useMutation({
    mutationFn: () => updateUser(user.id, changes),
    onSuccess: (saved) => {
      notifications.show({ color: 'green', message: common.saved });
      onSaved(saved);
    },
  });
  const server = fieldErrorsOf(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!displayName.trim() || !email.trim() || Object.keys(changes).length === 0) return;
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {save.isError && <ErrorAlert error={save.error} shownFields={['displayName', 'email', 'locale']} />}
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
        <Select
          label={t.locale}
          data={[
            { value: 'vi', label: t.vi },
            { value: 'en', label: t.en },
          ]}
          value={locale}
          allowDeselect={false}
          onChange={(value) => setLocale(value === 'en' ? 'en' : 'vi')}
        />
        <Group>
          <Button type="submit" loading={save.isPending} disabled={Object.keys(changes).length === 0}>
            {common.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
