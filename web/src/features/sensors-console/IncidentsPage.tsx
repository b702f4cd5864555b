import { Anchor, Badge, Group, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { RoleGate } from '../../app/RequireAuth';
import { ListTable } from '../../components/ListTable';
import { PageTitle } from '../../components/PageTitle';
import { commonMessages } from '../../components/common.i18n';
import { formatDateTime } from '../../lib/format';
import { useLocale, useMessages } from '../../lib/i18n';
import {
  alertSeverities,
  formatResult,
  incidentsKey,
  listIncidents,
  staffRoles,
  type AlertSeverity,
  type IncidentStatus,
} from './sensors.api';
import { sensorsMessages } from './sensors-console.i18n';
import { incidentStatusLabels, severityColors, severityLabels } from './sensors-labels';

const LIMIT = 25;
type StatusFilter = 'unresolved' | IncidentStatus | 'all';

const statusesOf: Record<StatusFilter, IncidentStatus[]> = {
  unresolved: ['open', 'acknowledged'],
  open: ['open'],
  acknowledged: ['acknowledged'],
  resolved: ['resolved'],
  all: [],
};

/** Incidents, newest first, filtered by status and severity; each opens its detail page. */
export function IncidentsPage() {
  return (
    <RoleGate roles={staffRoles}>
      <IncidentsView />
    </RoleGate>
  );
}

function IncidentsView() {
  const t = useMessages(sensorsMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const [status, setStatus] = useState<StatusFilter>('unresolved');
  const [severity, setSeverity] = useState<AlertSeverity | undefined>(undefined);
  const [offset, setOffset] = useState(0);
  const incidents = useQuery({
    queryKey: [...incidentsKey, 'console', status, severity, offset],
    queryFn: () => listIncidents({ status: statusesOf[status], severity, limit: LIMIT, offset }),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });

  return (
    <Stack>
      <PageTitle
        title={t.incidentsTitle}
        description={t.incidentsIntro}
        actions={
          <Anchor component={Link} to="/ioc">
            {t.seeOnWall}
          </Anchor>
        }
      />
      <Group gap="sm" align="flex-end">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="incident-status-filter">
            {t.status}
          </Text>
          <SegmentedControl
            aria-labelledby="incident-status-filter"
            value={status}
            onChange={(value) => {
              setStatus(value as StatusFilter);
              setOffset(0);
            }}
            data={[
              { value: 'unresolved', label: t.unresolved },
              { value: 'open', label: incidentStatusLabels[locale].open },
              { value: 'acknowledged', label: incidentStatusLabels[locale].acknowledged },
              { value: 'resolved', label: incidentStatusLabels[locale].resolved },
              { value: 'all', label: common.all },
            ]}
          />
        </Stack>
        <Select
          label={t.severity}
          placeholder={common.all}
          clearable
          value={severity ?? null}
          onChange={(value) => {
            setSeverity((value as AlertSeverity | null) ?? undefined);
            setOffset(0);
          }}
          data={alertSeverities.map((value) => ({ value, label: severityLabels[locale][value] }))}
          w={200}
        />
      </Group>
      <ListTable
        query={incidents}
        items={incidents.data?.items}
        empty={t.incidentsEmpty}
        caption={t.incidentsList}
        minWidth={860}
        head={
          <>
            <Table.Th scope="col">{t.rule}</Table.Th>
            <Table.Th scope="col">{t.subject}</Table.Th>
            <Table.Th scope="col">{t.severity}</Table.Th>
            <Table.Th scope="col">{t.status}</Table.Th>
            <Table.Th scope="col">{t.openedAt}</Table.Th>
            <Table.Th scope="col">{t.lastValue}</Table.Th>
          </>
        }
        row={(incident) => (
          <Table.Tr key={incident.id}>
            <Table.Th scope="row" fw={500}>
              <Anchor component={Link} to={`/console/sensors/incidents/${incident.id}`} fw={600} size="sm">
                {incident.ruleName}
              </Anchor>
              {incident.isSample && (
                <Badge ml={6} variant="outline" color="gray.7" size="xs" tt="none">
                  {t.sample}
                </Badge>
              )}
            </Table.Th>
            <Table.Td>{incident.subjectName}</Table.Td>
            <Table.Td>
              <Badge color={severityColors[incident.severity]} tt="none">
                {severityLabels[locale][incident.severity]}
              </Badge>
            </Table.Td>
            <Table.Td>
              {incidentStatusLabels[locale][incident.status]}
              {incident.alertActive && (
                <Text size="xs" c="red.8">
                  {t.alertActive}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{formatDateTime(incident.openedAt)}</Table.Td>
            <Table.Td>{formatResult(incident.lastValue, locale)}</Table.Td>
          </Table.Tr>
        )}
        page={{
          total: incidents.data?.total ?? 0,
          limit: LIMIT,
          offset,
          onOffsetChange: setOffset,
        }}
      />
    </Stack>
  );
}
