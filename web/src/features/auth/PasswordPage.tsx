import { Button, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { commonMessages } from '../../components/common.i18n';
import { PasswordField } from '../../components/PasswordField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { api } from '../../lib/api';
import { fieldErrorsOf } from '../../lib/forms';
import { useMessages } from '../../lib/i18n';
import { authMessages } from './auth.i18n';

export function PasswordPage() {
  const t = useMessages(authMessages);
  const common = useMessages(commonMessages);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [local, setLocal] = useState<{ current?: string; next?: string; repeat?: string }>({});
  const change = useMutation({
    mutationFn: () =>
      api<null>('/api/v1/auth/password', {
        method: 'POST',
        body: { currentPassword: current, newPassword: next },
      }),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setRepeat('');
      notifications.show({ color: 'green', message: t.passwordChanged });
    },
  });
  const server = fieldErrorsOf(change.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors = {
      current: current ? undefined : common.required,
      next: next ? undefined : common.required,
      repeat: repeat === next ? undefined : t.mismatch,
    };
    setLocal(errors);
    if (errors.current || errors.next || errors.repeat) return;
    change.mutate();
  };

  return (
    <Stack maw={480}>
      <PageTitle title={t.passwordTitle} description={t.passwordIntro} />
      <Paper withBorder p="lg">
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm" c="dimmed">
              {common.requiredHint}
            </Text>
            {change.isError && (
              <ErrorAlert error={change.error} shownFields={['currentPassword', 'newPassword']} />
            )}
            <PasswordField
              label={t.currentPassword}
              autoComplete="current-password"
              required
              value={current}
              onChange={(event) => setCurrent(event.currentTarget.value)}
              error={local.current ?? server.currentPassword}
            />
            <PasswordField
              label={t.newPassword}
              autoComplete="new-password"
              required
              value={next}
              onChange={(event) => setNext(event.currentTarget.value)}
              error={local.next ?? server.newPassword}
            />
            <PasswordField
              label={t.repeatPassword}
              autoComplete="new-password"
              required
              value={repeat}
              onChange={(event) => setRepeat(event.currentTarget.value)}
              error={local.repeat}
            />
            <Button type="submit" loading={change.isPending}>
              {t.change}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
