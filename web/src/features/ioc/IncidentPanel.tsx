import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Page } from '../../lib/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/StatusBlocks';
import { commonMessages } from '../../components/common.i18n';
import { formatDateTime } from '../../lib/format';
import { fill, useLocale, useMessages } from '../../lib/i18n';
import {
  applyIncidentAction,
  formatResult,
  incidentsKey,
  type Incident,
} from '../sensors-console/sensors.api';
import { incidentStatusLabels, severityColors, severityLabels } from '../sensors-console/sensors-labels';
import { iocMessages } from './ioc.i18n';

/**
 * Open and acknowledged incidents, newest first. Operators acknowledge from here; the detail, with
 * assignment, comments and resolution, is in the console.
 */
export function IncidentPanel({
  access,
  incidents,
  canAcknowledge,
}: {
  readonly access: 'anonymous' | 'forbidden' | 'reader';
  readonly incidents: UseQueryResult<Page<Incident>>;
  readonly canAcknowledge: boolean;
}) {
  const t = useMessages(iocMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const client = useQueryClient();
  const acknowledge = useMutation({
    mutationFn: (id: string) => applyIncidentAction(id, { kind: 'acknowledge' }),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t.acknowledgedToast });
      await client.invalidateQueries({ queryKey: incidentsKey });
      await client.invalidateQueries({ queryKey: ['ioc'] });
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: common.errorTitle, message: error.message }),
  });

  let body;
  if (access === 'anonymous')
    body = (
      <Text size="sm">
        {t.incidentsSignIn}{' '}
        <Anchor component={Link} to="/console/login" state={{ from: '/ioc' }}>
          {t.signIn}
        </Anchor>
      </Text>
    );
  else if (access === 'forbidden') body = <Text size="sm">{t.incidentsForbidden}</Text>;
  else if (incidents.isPending) body = <LoadingBlock />;
  else if (incidents.isError) body = <ErrorAlert error={incidents.error} />;
  else if (incidents.data.items.length === 0)
    body = (
      <Text size="sm" c="dimmed">
        {t.incidentsEmpty}
      </Text>
    );
  else
    body = (
      <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t.incidentsTitle}>
        {incidents.data.items.map((incident) => (
          <Paper
            key={incident.id}
            component="li"
            withBorder
            p="xs"
            radius="sm"
            style={{ borderLeft: `5px solid ${severityColors[incident.severity]}` }}
            data-testid="ioc-incident"
          >
            <Group gap={6} mb={2}>
              <Badge color={severityColors[incident.severity]} size="sm" tt="none">
                {severityLabels[locale][incident.severity]}
              </Badge>
              <Badge
                variant="outline"
                color={incident.status === 'open' ? 'red.8' : 'gray.7'}
                size="sm"
                tt="none"
              >
                {incidentStatusLabels[locale][incident.status]}
              </Badge>
              {incident.isSample && (
                <Badge variant="outline" color="gray.7" size="sm" tt="none">
                  {t.sample}
                </Badge>
              )}
            </Group>
            <Text fw={600} size="sm">
              {incident.ruleName}
            </Text>
            <Text size="sm">{incident.subjectName}</Text>
            <Text size="xs" c="dimmed">
              {fill(t.openedAt, { time: formatDateTime(incident.openedAt) })}
              {incident.lastValue !== null && incident.lastValue !== undefined
                ? ` · ${fill(t.lastValue, { value: formatResult(incident.lastValue, locale) })}`
                : ''}
              {incident.alertActive ? ` · ${t.stillActive}` : ''}
            </Text>
            <Group gap="xs" mt={6}>
              {canAcknowledge && incident.status === 'open' && (
                <Button
                  size="compact-sm"
                  onClick={() => acknowledge.mutate(incident.id)}
                  loading={acknowledge.isPending && acknowledge.variables === incident.id}
                  aria-label={fill(t.acknowledgeLabel, {
                    name: `${incident.ruleName} – ${incident.subjectName}`,
                  })}
                >
                  {t.acknowledge}
                </Button>
              )}
              <Anchor component={Link} to={`/console/sensors/incidents/${incident.id}`} size="sm">
                {t.details}
              </Anchor>
            </Group>
          </Paper>
        ))}
      </Stack>
    );

  return (
    <Stack gap="xs" component="section" aria-labelledby="ioc-incidents-title">
      <Group justify="space-between">
        <Title order={2} size="h4" id="ioc-incidents-title">
          {t.incidentsTitle}
        </Title>
        {access === 'reader' && incidents.data && incidents.data.total > incidents.data.items.length && (
          <Anchor component={Link} to="/console/sensors/incidents" size="sm">
            {fill(t.incidentsMore, { total: incidents.data.total })}
          </Anchor>
        )}
      </Group>
      {body}
    </Stack>
  );
}
