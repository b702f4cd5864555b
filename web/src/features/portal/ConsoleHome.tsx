import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { PageTitle } from '../../components/PageTitle';
import { fill, pick, useLocale, useMessages } from '../../lib/i18n';
import { useAllAgencies } from '../agencies/agencies.api';
import { roleLabels } from '../auth/roles';
import { useSession } from '../auth/session';
import { portalMessages } from './portal.i18n';
import { ServiceTiles } from './ServiceTiles';

/** The console's landing page: who you are, what you may do, and the platform's live figures. */
export function ConsoleHome() {
  const t = useMessages(portalMessages);
  const { locale } = useLocale();
  const session = useSession();
  const agencies = useAllAgencies();
  const user = session.data?.user;
  const agencyName = (id: string | null) => {
    if (!id) return t.cityWide;
    const agency = agencies.data?.find((candidate) => candidate.id === id);
    return agency ? pick(locale, { vi: agency.nameVi, en: agency.nameEn }) : id;
  };
  return (
    <Stack gap="lg">
      <PageTitle
        title={fill(t.consoleWelcome, { name: user?.displayName ?? '' })}
        description={t.consoleIntro}
      />
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          {t.yourRoles}
        </Title>
        {user && user.grants.length > 0 ? (
          <Group gap="xs">
            {user.grants.map((grant) => (
              <Badge key={`${grant.role}-${grant.agencyId ?? ''}`} variant="light" size="lg" tt="none">
                {roleLabels[locale][grant.role]} · {agencyName(grant.agencyId)}
              </Badge>
            ))}
          </Group>
        ) : (
          <Text>{t.noRoles}</Text>
        )}
      </Paper>
      <section aria-labelledby="figures-title">
        <Title id="figures-title" order={2} size="h4" mb="sm">
          {t.figures}
        </Title>
        <ServiceTiles />
      </section>
    </Stack>
  );
}
