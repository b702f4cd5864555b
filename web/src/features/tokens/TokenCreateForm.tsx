import { Button, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { commonMessages } from '../../components/common.i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { dayBoundary, todayInCity } from '../../lib/format';
import { fieldErrorsOf } from '../../lib/forms';
import { useMessages } from '../../lib/i18n';
import { createToken, type ApiToken } from './tokens.api';
import { tokenMessages } from './tokens.i18n';

export function TokenCreateForm({
  onCreated,
}: {
  readonly onCreated: (token: string, record: ApiToken) => void;
}) {
  const t = useMessages(tokenMessages);
  const common = useMessages(commonMessages);
  const [name, setName] = useState('');
  const [expires, setExpires] = useState('');
  const [missing, setMissing] = useState(false);
  const create = useMutation({
    // The chosen day is a day in Vietnam: the token works until its last moment there.
    mutationFn: () => createToken(name.trim(), expires ? dayBoundary(expires, 'end') : null),
    onSuccess: (created) => {
      setName('');
      setExpires('');
      onCreated(created.token, created.record);
    },
  });
  const server = fieldErrorsOf(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(!name.trim());
    if (name.trim()) create.mutate();
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-labelledby="token-create-title">
        <Stack>
          <Title id="token-create-title" order={2} size="h4">
            {t.create}
          </Title>
          {create.isError && <ErrorAlert error={create.error} shownFields={['name', 'expiresAt']} />}
          <Group align="flex-start" grow preventGrowOverflow={false} wrap="wrap">
            <TextInput
              label={t.name}
              description={t.nameHint}
              required
              maxLength={120}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={missing ? common.required : server.name}
              miw={240}
            />
            <TextInput
              label={t.expiresOn}
              description={t.expiresHint}
              type="date"
              min={todayInCity()}
              value={expires}
              onChange={(event) => setExpires(event.currentTarget.value)}
              error={server.expiresAt}
              miw={200}
            />
          </Group>
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t.create}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
