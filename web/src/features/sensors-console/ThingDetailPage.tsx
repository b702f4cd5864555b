import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { RoleGate } from '../../app/RequireAuth';
import { NotFound } from '../../app/StatusPages';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { PageTitle } from '../../components/PageTitle';
import { EmptyBlock, LoadingBlock } from '../../components/StatusBlocks';
import { commonMessages } from '../../components/common.i18n';
import { ApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useLocale, useMessages } from '../../lib/i18n';
import { hasAnyRole } from '../auth/roles';
import { useSession } from '../auth/session';
import { formatResult, staWriterRoles } from './sensors.api';
import { sensorsMessages } from './sensors-console.i18n';
import { sta, type StaCollection, type StaDatastream, type StaNamed, type StaThing } from './sta.api';
import { thingPageRoles, thingsKey, ThingForm } from './ThingsPage';

const MEASUREMENT = 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement';

/** One Thing: its fields (editable by data writers) and its Datastreams (add, rename, change the unit). */
export function ThingDetailPage() {
  return (
    <RoleGate roles={thingPageRoles}>
      <ThingDetail />
    </RoleGate>
  );
}

function ThingDetail() {
  const { id = '' } = useParams();
  const t = useMessages(sensorsMessages);
  const valid = /^\d+$/.test(id);
  const thing = useQuery({
    queryKey: [...thingsKey, 'one', id],
    queryFn: () =>
      sta<StaThing>(`Things(${id})`, {
        query: {
          $expand:
            'Locations,Datastreams($orderby=id asc;$expand=ObservedProperty($select=id,name),Sensor($select=id,name),' +
            'Observations($select=phenomenonTime,result;$orderby=phenomenonTime desc;$top=1))',
        },
      }),
    enabled: valid,
  });
  if (!valid) return <NotFound home="/console/sensors/things" />;
  if (thing.isPending) return <LoadingBlock />;
  if (thing.isError) {
    if (thing.error instanceof ApiError && thing.error.status === 404)
      return <NotFound home="/console/sensors/things" />;
    return <ErrorAlert error={thing.error} />;
  }
  return (
    <Stack>
      <Anchor component={Link} to="/console/sensors/things" size="sm">
        {t.back}
      </Anchor>
      <ThingView thing={thing.data} />
    </Stack>
  );
}

function ThingView({ thing }: { readonly thing: StaThing }) {
  const t = useMessages(sensorsMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const client = useQueryClient();
  const session = useSession();
  const canWrite = hasAnyRole(session.data?.user.grants, staWriterRoles);
  const [editing, setEditing] = useState(false);
  const [stream, setStream] = useState<StaDatastream | 'new' | null>(null);
  const id = thing['@iot.id'];
  const refresh = () => client.invalidateQueries({ queryKey: thingsKey });

  const patchThing = useMutation({
    mutationFn: (body: { name: string; description: string }) =>
      sta(`Things(${id})`, { method: 'PATCH', body }),
    onSuccess: async () => {
      setEditing(false);
      notifications.show({ color: 'teal', message: common.saved });
      await refresh();
    },
  });
  const saveStream = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      stream && stream !== 'new'
        ? sta(`Datastreams(${stream['@iot.id']})`, { method: 'PATCH', body })
        : sta(`Things(${id})/Datastreams`, { method: 'POST', body }),
    onSuccess: async () => {
      setStream(null);
      notifications.show({ color: 'teal', message: common.saved });
      await refresh();
    },
  });
  const coordinates = thing.Locations?.[0]?.location.coordinates;
  const datastreams = thing.Datastreams ?? [];

  return (
    <Stack>
      <PageTitle
        title={thing.name}
        description={thing.description}
        actions={
          canWrite && (
            <Button
              variant="light"
              onClick={() => {
                patchThing.reset();
                setEditing(true);
              }}
            >
              {common.edit}
            </Button>
          )
        }
      />
      <Group gap="xs">
        {thing.properties?.isSample === true && (
          <Badge variant="outline" color="gray.7" tt="none">
            {t.sample}
          </Badge>
        )}
        {Array.isArray(coordinates) && (
          <Text size="sm" c="dimmed">
            {t.latitude} {String(coordinates[1])}, {t.longitude} {String(coordinates[0])}
          </Text>
        )}
      </Group>
      <Paper withBorder p="md" component="section" aria-labelledby="datastreams-title">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4" id="datastreams-title">
            {t.datastreamsTitle}
          </Title>
          {canWrite && (
            <Button
              size="xs"
              onClick={() => {
                saveStream.reset();
                setStream('new');
              }}
            >
              {t.datastreamCreate}
            </Button>
          )}
        </Group>
        {datastreams.length === 0 ? (
          <EmptyBlock title={t.datastreamsEmpty} />
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table striped verticalSpacing="sm">
              <caption className="visually-hidden">{t.datastreamsTitle}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t.name}</Table.Th>
                  <Table.Th scope="col">{t.observedProperty}</Table.Th>
                  <Table.Th scope="col">{t.unitSymbol}</Table.Th>
                  <Table.Th scope="col">{t.latestValue}</Table.Th>
                  {canWrite && <Table.Th scope="col">{t.actions}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {datastreams.map((datastream) => {
                  const latest = datastream.Observations?.[0];
                  return (
                    <Table.Tr key={datastream['@iot.id']}>
                      <Table.Th scope="row" fw={500}>
                        <Text size="sm">{datastream.name}</Text>
                        <Text size="xs" c="dimmed">
                          #{datastream['@iot.id']}
                        </Text>
                      </Table.Th>
                      <Table.Td>{datastream.ObservedProperty?.name}</Table.Td>
                      <Table.Td>{datastream.unitOfMeasurement?.symbol}</Table.Td>
                      <Table.Td>
                        {latest
                          ? `${formatResult(latest.result, locale)} · ${formatDateTime(latest.phenomenonTime)}`
                          : t.never}
                      </Table.Td>
                      {canWrite && (
                        <Table.Td>
                          <Button
                            size="xs"
                            variant="light"
                            onClick={() => {
                              saveStream.reset();
                              setStream(datastream);
                            }}
                            aria-label={`${common.edit}: ${datastream.name}`}
                          >
                            {common.edit}
                          </Button>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <FormModal opened={editing} onClose={() => setEditing(false)} title={t.thingEditTitle}>
        <ThingForm
          initial={{ name: thing.name, description: thing.description, location: null }}
          withLocation={false}
          pending={patchThing.isPending}
          error={patchThing.error}
          onCancel={() => setEditing(false)}
          onSubmit={(fields) => patchThing.mutate({ name: fields.name, description: fields.description })}
        />
      </FormModal>
      <FormModal
        opened={stream !== null}
        onClose={() => setStream(null)}
        title={stream === 'new' ? t.datastreamCreate : t.datastreamEditTitle}
      >
        {stream !== null && (
          <DatastreamForm
            datastream={stream === 'new' ? null : stream}
            pending={saveStream.isPending}
            error={saveStream.error}
            onCancel={() => setStream(null)}
            onSubmit={(body) => saveStream.mutate(body)}
          />
        )}
      </FormModal>
    </Stack>
  );
}

/** A Datastream's basic fields; a new one also names its ObservedProperty and Sensor. */
function DatastreamForm({
  datastream,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  readonly datastream: StaDatastream | null;
  readonly pending: boolean;
  readonly error: unknown;
  readonly onSubmit: (body: Record<string, unknown>) => void;
  readonly onCancel: () => void;
}) {
  const t = useMessages(sensorsMessages);
  const common = useMessages(commonMessages);
  const [name, setName] = useState(datastream?.name ?? '');
  const [description, setDescription] = useState(datastream?.description ?? '');
  const [unitName, setUnitName] = useState(datastream?.unitOfMeasurement?.name ?? '');
  const [unitSymbol, setUnitSymbol] = useState(datastream?.unitOfMeasurement?.symbol ?? '');
  const [unitDefinition, setUnitDefinition] = useState(datastream?.unitOfMeasurement?.definition ?? '');
  const [propertyId, setPropertyId] = useState<string | null>(null);
  const [sensorId, setSensorId] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const creating = datastream === null;
  const properties = useQuery({
    queryKey: ['sensors', 'sta', 'observed-properties'],
    queryFn: () =>
      sta<StaCollection<StaNamed>>('ObservedProperties', {
        query: { $select: 'id,name,description', $top: 1000 },
      }),
    enabled: creating,
  });
  const sensors = useQuery({
    queryKey: ['sensors', 'sta', 'sensors'],
    queryFn: () => sta<StaCollection<StaNamed>>('Sensors', { query: { $select: 'id,name', $top: 1000 } }),
    enabled: creating,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim() || !description.trim() || (creating && (!propertyId || !sensorId))) {
      setMissing(true);
      return;
    }
    const unitOfMeasurement = {
      name: unitName.trim(),
      symbol: unitSymbol.trim(),
      definition: unitDefinition.trim(),
    };
    onSubmit({
      name: name.trim(),
      description: description.trim(),
      unitOfMeasurement,
      ...(creating
        ? {
            observationType: MEASUREMENT,
            ObservedProperty: { '@iot.id': Number(propertyId) },
            Sensor: { '@iot.id': Number(sensorId) },
          }
        : {}),
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {common.requiredHint}
        </Text>
        <TextInput
          label={t.name}
          required
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={missing && !name.trim() ? common.required : undefined}
        />
        <Textarea
          label={t.description}
          required
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          error={missing && !description.trim() ? common.required : undefined}
          autosize
          minRows={2}
        />
        {creating && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t.observedProperty}
              required
              searchable
              value={propertyId}
              onChange={setPropertyId}
              data={(properties.data?.value ?? []).map((property) => ({
                value: String(property['@iot.id']),
                label: property.description ? `${property.name} – ${property.description}` : property.name,
              }))}
              error={missing && !propertyId ? common.required : undefined}
            />
            <Select
              label={t.sensor}
              required
              searchable
              value={sensorId}
              onChange={setSensorId}
              data={(sensors.data?.value ?? []).map((sensor) => ({
                value: String(sensor['@iot.id']),
                label: sensor.name,
              }))}
              error={missing && !sensorId ? common.required : undefined}
            />
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t.unitName}
            value={unitName}
            onChange={(event) => setUnitName(event.currentTarget.value)}
          />
          <TextInput
            label={t.unitSymbol}
            value={unitSymbol}
            onChange={(event) => setUnitSymbol(event.currentTarget.value)}
          />
          <TextInput
            label={t.unitDefinition}
            value={unitDefinition}
            onChange={(event) => setUnitDefinition(event.currentTarget.value)}
          />
        </SimpleGrid>
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {common.cancel}
          </Button>
          <Button type="submit" loading={pending}>
            {common.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
