import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageTitle } from '../components/PageTitle';
import { useMessages } from '../lib/i18n';
import { appMessages } from './app.i18n';

export function NotFound({ home = '/' }: { readonly home?: string }) {
  const t = useMessages(appMessages);
  return (
    <Stack>
      <PageTitle title={t.notFoundTitle} />
      <Text>{t.notFoundText}</Text>
      <Anchor component={Link} to={home}>
        {home === '/' ? t.home : t.dashboard}
      </Anchor>
    </Stack>
  );
}

export function Forbidden() {
  const t = useMessages(appMessages);
  return (
    <Stack>
      <PageTitle title={t.forbiddenTitle} />
      <Text>{t.forbiddenText}</Text>
    </Stack>
  );
}
