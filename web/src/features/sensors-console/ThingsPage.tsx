import {
  Anchor,
  Badge,
  Button,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { RoleGate } from '../../app/RequireAuth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { ListTable } from '../../components/ListTable';
import { PageTitle } from '../../components/PageTitle';
import { commonMessages } from '../../components/common.i18n';
import { formatNumber } from '../../lib/format';
import { fill, useLocale, useMessages } from '../../lib/i18n';
import { hasAnyRole } from '../auth/roles';
import { useSession } from '../auth/session';
import { staffRoles, staWriterRoles } from './sensors.api';
import { sensorsMessages } from './sensors-console.i18n';
import { sta, staString, type StaCollection, type StaThing } from './sta.api';

const LIMIT = 25;
export const thingsKey = ['sensors', 'sta', 'things'] as const;
export const thingPageRoles = [...new Set([...staffRoles, ...staWriterRoles])];

/** Things of the SensorThings API: search by name, page through, add one with its location. */
export function ThingsPage() {
  return (
    <RoleGate roles={thingPageRoles}>
      <ThingsView />
    </RoleGate>
  );
}

function ThingsView() {
  const t = useMessages(sensorsMessages);
  const { locale } = useLocale();
  const client = useQueryClient();
  const session = useSession();
  const canWrite = hasAnyRole(session.data?.user.grants, staWriterRoles);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim().toLowerCase(), 300);
  const [offset, setOffset] = useState(0);
  const [creating, setCreating] = useState(false);

  const things = useQuery({
    queryKey: [...thingsKey, q, offset],
    queryFn: () =>
      sta<StaCollection<StaThing>>('Things', {
        query: {
          $count: true,
          $top: LIMIT,
          $skip: offset,
          $orderby: 'id desc',
          $select: 'id,name,description,properties',
          $filter: q ? `substringof(${staString(q)},tolower(name))` : undefined,
          $expand: 'Datastreams($select=id;$count=true;$top=1)',
        },
      }),
    placeholderData: keepPreviousData,
  });

  const create = useMutation({
    mutationFn: (body: unknown) => sta<StaThing>('Things', { method: 'POST', body }),
    onSuccess: async (thing) => {
      setCreating(false);
      notifications.show({ color: 'teal', message: fill(t.thingCreated, { name: thing.name }) });
      await client.invalidateQueries({ queryKey: thingsKey });
    },
  });

  return (
    <Stack>
      <PageTitle
        title={t.thingsTitle}
        description={canWrite ? t.thingsIntro : `${t.thingsIntro} ${t.readOnlyThings}`}
        actions={
          canWrite && (
            <Button
              onClick={() => {
                create.reset();
                setCreating(true);
              }}
            >
              {t.thingCreate}
            </Button>
          )
        }
      />
      <TextInput
        type="search"
        label={t.searchName}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          setOffset(0);
        }}
        maw={360}
      />
      <ListTable
        query={things}
        items={things.data?.value}
        empty={t.thingsEmpty}
        caption={t.thingsList}
        minWidth={720}
        head={
          <>
            <Table.Th scope="col">{t.name}</Table.Th>
            <Table.Th scope="col">{t.description}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t.datastreamCount}
            </Table.Th>
          </>
        }
        row={(thing) => (
          <Table.Tr key={thing['@iot.id']}>
            <Table.Th scope="row" fw={500}>
              <Anchor component={Link} to={`/console/sensors/things/${thing['@iot.id']}`} fw={600} size="sm">
                {thing.name}
              </Anchor>
              {thing.properties?.isSample === true && (
                <Badge ml={6} variant="outline" color="gray.7" size="xs" tt="none">
                  {t.sample}
                </Badge>
              )}
            </Table.Th>
            <Table.Td maw={420}>
              <Text size="sm" lineClamp={2}>
                {thing.description}
              </Text>
            </Table.Td>
            <Table.Td ta="right">{formatNumber(thing['Datastreams@iot.count'] ?? 0, locale)}</Table.Td>
          </Table.Tr>
        )}
        page={{
          total: things.data?.['@iot.count'] ?? things.data?.value.length ?? 0,
          limit: LIMIT,
          offset,
          onOffsetChange: setOffset,
        }}
      />
      <FormModal opened={creating} onClose={() => setCreating(false)} title={t.thingCreateTitle}>
        <ThingForm
          initial={null}
          pending={create.isPending}
          error={create.error}
          onCancel={() => setCreating(false)}
          onSubmit={(fields) =>
            create.mutate({
              name: fields.name,
              description: fields.description,
              ...(fields.location
                ? {
                    Locations: [
                      {
                        name: fields.name,
                        description: fields.name,
                        encodingType: 'application/geo+json',
                        location: { type: 'Point', coordinates: fields.location },
                      },
                    ],
                  }
                : {}),
            })
          }
        />
      </FormModal>
    </Stack>
  );
}

export interface ThingFields {
  readonly name: string;
  readonly description: string;
  /** [lon, lat] */
  readonly location: [number, number] | null;
}

/** Name, description and (for a new Thing) where it stands. */
export function ThingForm({
  initial,
  pending,
  error,
  onSubmit,
  onCancel,
  withLocation = true,
}: {
  readonly initial: ThingFields | null;
  readonly pending: boolean;
  readonly error: unknown;
  readonly onSubmit: (fields: ThingFields) => void;
  readonly onCancel: () => void;
  readonly withLocation?: boolean;
}) {
  const t = useMessages(sensorsMessages);
  const common = useMessages(commonMessages);
  const [name, setName] = useState(initial?.name ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [latitude, setLatitude] = useState<number | string>(initial?.location?.[1] ?? '');
  const [longitude, setLongitude] = useState<number | string>(initial?.location?.[0] ?? '');
  const [missing, setMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim() || !description.trim()) {
      setMissing(true);
      return;
    }
    onSubmit({
      name: name.trim(),
      description: description.trim(),
      location: latitude !== '' && longitude !== '' ? [Number(longitude), Number(latitude)] : null,
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
        {withLocation && (
          <>
            <SimpleGrid cols={2}>
              <NumberInput
                label={t.latitude}
                value={latitude}
                onChange={setLatitude}
                min={-90}
                max={90}
                decimalScale={6}
                decimalSeparator="."
              />
              <NumberInput
                label={t.longitude}
                value={longitude}
                onChange={setLongitude}
                min={-180}
                max={180}
                decimalScale={6}
                decimalSeparator="."
              />
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              {t.locationHint}
            </Text>
          </>
        )}
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
