import { Anchor, Button, Center, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { commonMessages } from '../../components/common.i18n';
import { PasswordField } from '../../components/PasswordField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { LoadingBlock } from '../../components/StatusBlocks';
import { useMessages } from '../../lib/i18n';
import { authMessages } from './auth.i18n';
import { login, sessionKey, useSession } from './session';

/** Where to go after signing in: the console page that sent the user here, never another site. */
function returnPath(state: unknown): string {
  const from = (state as { from?: string } | null)?.from;
  return typeof from === 'string' && from.startsWith('/console') && !from.startsWith('/console/login')
    ? from
    : '/console';
}

export function LoginPage() {
  const t = useMessages(authMessages);
  const common = useMessages(commonMessages);
  const location = useLocation();
  const client = useQueryClient();
  const session = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState<{ email?: boolean; password?: boolean }>({});

  useEffect(() => {
    document.title = `${t.loginTitle} · citydx`;
  }, [t.loginTitle]);

  if (session.isPending) return <LoadingBlock />;
  if (session.data) return <Navigate to={returnPath(location.state)} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const blank = { email: !email.trim(), password: !password };
    setMissing(blank);
    if (blank.email || blank.password) return;
    setBusy(true);
    setError(null);
    try {
      client.setQueryData(sessionKey, await login(email.trim(), password));
    } catch (failure) {
      setError(failure);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100dvh" p="md" component="main" id="main" tabIndex={-1}>
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420}>
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Stack>
            <Title order={1} size="h2">
              {t.loginTitle}
            </Title>
            <Text c="dimmed" size="sm">
              {t.loginIntro}
            </Text>
            {error !== null && <ErrorAlert error={error} title={t.loginFailed} />}
            <TextInput
              label={t.email}
              type="email"
              autoComplete="username"
              required
              error={missing.email ? common.required : undefined}
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
            />
            <PasswordField
              label={t.password}
              autoComplete="current-password"
              required
              error={missing.password ? common.required : undefined}
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
            />
            <Button type="submit" loading={busy}>
              {t.submit}
            </Button>
            <Stack gap={4} align="center">
              <Anchor component={Link} to="/" size="sm">
                {t.backHome}
              </Anchor>
              <LanguageSwitch />
            </Stack>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
