import { Stack } from '@mantine/core';
import { PageTitle } from '../../components/PageTitle';
import { useMessages } from '../../lib/i18n';
import { RoleGate } from '../../app/RequireAuth';
import { CategoryDeadlines } from './CategoryDeadlines';
import { consoleMessages } from './feedback-console.i18n';
import { hubRoles } from './feedback-labels';
import { RoutingRules } from './RoutingRules';

/** The hub's configuration: who handles what where, and how long they have. */
export function RoutingPage() {
  const t = useMessages(consoleMessages);
  return (
    <RoleGate roles={hubRoles}>
      <Stack gap="xl">
        <PageTitle title={t.routingTitle} description={t.routingIntro} />
        <RoutingRules />
        <CategoryDeadlines />
      </Stack>
    </RoleGate>
  );
}
