import { Alert, Stack } from '@mantine/core';
import { PageTitle } from '../../components/PageTitle';
import { useMessages } from '../../lib/i18n';
import { portalMessages } from './portal.i18n';

/** The IOC wall's reserved address: says plainly that it is coming, and shows no invented figures. */
export function IocPage() {
  const t = useMessages(portalMessages);
  return (
    <Stack>
      <PageTitle title={t.iocTitle} />
      <Alert variant="light" color="blue">
        {t.iocText}
      </Alert>
    </Stack>
  );
}
