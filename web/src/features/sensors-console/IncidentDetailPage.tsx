import {
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { RoleGate } from '../../app/RequireAuth';
import { NotFound } from '../../app/StatusPages';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { LoadingBlock } from '../../components/StatusBlocks';
import { commonMessages } from '../../components/common.i18n';
import { ApiError } from '../../lib/api';
import { formatDateTime, formatNumber } from '../../lib/format';
import { fill, pick, useLocale, useMessages } from '../../lib/i18n';
import { useAllAgencies } from '../agencies/agencies.api';
import { hasAnyRole } from '../auth/roles';
import { useSession } from '../auth/session';
import {
  applyIncidentAction,
  formatResult,
  getIncident,
  incidentsKey,
  operatorRoles,
  staffRoles,
  type IncidentAction,
  type IncidentWithHistory,
} from './sensors.api';
import { sensorsMessages } from './sensors-console.i18n';
import { incidentEventLabels, incidentStatusLabels, severityColors, severityLabels } from './sensors-labels';

/** One incident: its facts, its history, and what an operator does next. */
export function IncidentDetailPage() {
  return (
    <RoleGate roles={staffRoles}>
      <IncidentDetail />
    </RoleGate>
  );
}

function IncidentDetail() {
  const { id = '' } = useParams();
  const t = useMessages(sensorsMessages);
  const incident = useQuery({ queryKey: [...incidentsKey, 'one', id], queryFn: () => getIncident(id) });
  if (incident.isPending) return <LoadingBlock />;
  if (incident.isError) {
    if (
      incident.error instanceof ApiError &&
      (incident.error.status === 404 || incident.error.status === 400)
    )
      return <NotFound home="/console/sensors/incidents" />;
    return <ErrorAlert error={incident.error} />;
  }
  return (
    <Stack>
      <Anchor component={Link} to="/console/sensors/incidents" size="sm">
        {t.back}
      </Anchor>
      <IncidentView incident={incident.data} />
    </Stack>
  );
}

function Fact({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" size="sm" m={0} mb="xs">
        {children}
      </Text>
    </>
  );
}

function IncidentView({ incident }: { readonly incident: IncidentWithHistory }) {
  const t = useMessages(sensorsMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const client = useQueryClient();
  const session = useSession();
  const canAct = hasAnyRole(session.data?.user.grants, operatorRoles);
  const agencies = useAllAgencies();
  const [note, setNote] = useState('');
  const [comment, setComment] = useState('');
  const [agencyId, setAgencyId] = useState<string | null>(incident.agencyId);
  const agencyName = (id: string | null) => {
    const agency = agencies.data?.find((candidate) => candidate.id === id);
    return agency ? pick(locale, { vi: agency.nameVi, en: agency.nameEn }) : t.noAgency;
  };

  const act = useMutation({
    mutationFn: (action: IncidentAction) => applyIncidentAction(incident.id, action),
    onSuccess: async (updated) => {
      client.setQueryData([...incidentsKey, 'one', incident.id], updated);
      setNote('');
      setComment('');
      notifications.show({ color: 'teal', message: t.actionDone });
      await client.invalidateQueries({ queryKey: incidentsKey });
    },
  });
  const noteOrNothing = note.trim() ? { note: note.trim() } : {};
  const resolved = incident.status === 'resolved';

  const submitComment = (event: FormEvent) => {
    event.preventDefault();
    if (comment.trim()) act.mutate({ kind: 'comment', text: comment.trim() });
  };

  return (
    <Stack>
      <PageTitle
        title={fill(t.incidentTitle, { name: incident.ruleName })}
        description={incident.subjectName}
        actions={
          <Group gap={6}>
            <Badge color={severityColors[incident.severity]} size="lg" tt="none">
              {severityLabels[locale][incident.severity]}
            </Badge>
            <Badge variant="outline" size="lg" tt="none" color="dark">
              {incidentStatusLabels[locale][incident.status]}
            </Badge>
            {incident.isSample && (
              <Badge variant="outline" color="gray.7" size="lg" tt="none">
                {t.sample}
              </Badge>
            )}
          </Group>
        }
      />
      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="md" component="section" aria-labelledby="incident-facts">
            <Title order={2} size="h4" id="incident-facts" mb="sm">
              {t.facts}
            </Title>
            <dl style={{ margin: 0 }}>
              <Fact label={t.openedAt}>{formatDateTime(incident.openedAt)}</Fact>
              {incident.acknowledgedAt && (
                <Fact label={t.acknowledgedAt}>{formatDateTime(incident.acknowledgedAt)}</Fact>
              )}
              {incident.resolvedAt && <Fact label={t.resolvedAt}>{formatDateTime(incident.resolvedAt)}</Fact>}
              <Fact label={t.lastValue}>{formatResult(incident.lastValue, locale)}</Fact>
              <Fact label={t.alertActive}>{incident.alertActive ? common.yes : common.no}</Fact>
              <Fact label={t.raiseCount}>{formatNumber(incident.raiseCount, locale)}</Fact>
              <Fact label={t.agency}>{agencyName(incident.agencyId)}</Fact>
              {incident.location && (
                <Fact label={t.location}>
                  {incident.location.latitude.toFixed(5)}, {incident.location.longitude.toFixed(5)}
                </Fact>
              )}
            </dl>
          </Paper>
          {canAct && (
            <Paper withBorder p="md" mt="md" component="section" aria-label={common.actions}>
              <Stack gap="sm">
                {!resolved && (
                  <>
                    <Textarea
                      label={t.noteOptional}
                      value={note}
                      onChange={(event) => setNote(event.currentTarget.value)}
                      autosize
                      minRows={2}
                      maxLength={4000}
                    />
                    <Group gap="xs">
                      {incident.status === 'open' && (
                        <Button
                          onClick={() => act.mutate({ kind: 'acknowledge', ...noteOrNothing })}
                          loading={act.isPending}
                        >
                          {t.acknowledge}
                        </Button>
                      )}
                      <Button
                        color="teal.9"
                        onClick={() => act.mutate({ kind: 'resolve', ...noteOrNothing })}
                        loading={act.isPending}
                      >
                        {t.resolve}
                      </Button>
                    </Group>
                    <Group gap="xs" align="flex-end">
                      <Select
                        label={t.assignTo}
                        value={agencyId}
                        onChange={setAgencyId}
                        searchable
                        data={(agencies.data ?? [])
                          .filter((agency) => agency.active)
                          .map((agency) => ({
                            value: agency.id,
                            label: pick(locale, { vi: agency.nameVi, en: agency.nameEn }),
                          }))}
                        style={{ flex: 1 }}
                      />
                      <Button
                        variant="light"
                        disabled={!agencyId}
                        onClick={() => agencyId && act.mutate({ kind: 'assign', agencyId, ...noteOrNothing })}
                        loading={act.isPending}
                      >
                        {t.assign}
                      </Button>
                    </Group>
                  </>
                )}
                <form onSubmit={submitComment}>
                  <Stack gap="xs">
                    <Textarea
                      label={t.commentText}
                      value={comment}
                      onChange={(event) => setComment(event.currentTarget.value)}
                      autosize
                      minRows={2}
                      maxLength={4000}
                    />
                    <Group>
                      <Button
                        type="submit"
                        variant="default"
                        disabled={!comment.trim()}
                        loading={act.isPending}
                      >
                        {t.comment}
                      </Button>
                    </Group>
                  </Stack>
                </form>
                <ErrorAlert error={act.error} />
              </Stack>
            </Paper>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="md" component="section" aria-labelledby="incident-history">
            <Title order={2} size="h4" id="incident-history" mb="sm">
              {t.history}
            </Title>
            {incident.history.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t.historyEmpty}
              </Text>
            ) : (
              <Timeline bulletSize={14} lineWidth={2}>
                {incident.history.map((event) => (
                  <Timeline.Item key={event.id} title={incidentEventLabels[locale][event.kind]}>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(event.occurredAt)} · {event.actorLabel}
                    </Text>
                    {event.kind === 'assigned' && typeof event.details.agencyId === 'string' && (
                      <Text size="sm">{agencyName(event.details.agencyId)}</Text>
                    )}
                    {event.note && (
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {event.note}
                      </Text>
                    )}
                  </Timeline.Item>
                ))}
              </Timeline>
            )}
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
