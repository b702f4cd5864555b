import { Badge, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { RoleGate } from '../../app/RequireAuth';
import { ConfirmButton } from '../../components/ConfirmButton';
import { FormModal } from '../../components/FormModal';
import { OneTimeSecret } from '../../components/OneTimeSecret';
import { ListTable } from '../../components/ListTable';
import { PageTitle } from '../../components/PageTitle';
import { RowActions } from '../../components/RowActions';
import { commonMessages } from '../../components/common.i18n';
import { formatDateTime } from '../../lib/format';
import { fill, useLocale, useMessages } from '../../lib/i18n';
import { hasAnyRole } from '../auth/roles';
import { useSession } from '../auth/session';
import { DeviceForm } from './DeviceForm';
import {
  createDevice,
  deleteDevice,
  deviceManagerRoles,
  devicesKey,
  deviceStatuses,
  deviceTypes,
  listDevices,
  rotateDeviceToken,
  staffRoles,
  updateDevice,
  type Device,
  type DeviceInput,
  type DeviceStatus,
  type DeviceType,
} from './sensors.api';
import { sensorsMessages } from './sensors-console.i18n';
import { deviceStatusColors, deviceStatusLabels, deviceTypeLabels } from './sensors-labels';

const LIMIT = 25;

/** The device and camera registry: list, filter, register, change, remove; a token is shown once. */
export function DevicesPage() {
  return (
    <RoleGate roles={staffRoles}>
      <DevicesView />
    </RoleGate>
  );
}

function DevicesView() {
  const t = useMessages(sensorsMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const client = useQueryClient();
  const session = useSession();
  const canManage = hasAnyRole(session.data?.user.grants, deviceManagerRoles);
  const [type, setType] = useState<DeviceType | undefined>(undefined);
  const [status, setStatus] = useState<DeviceStatus | undefined>(undefined);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [offset, setOffset] = useState(0);
  const [editing, setEditing] = useState<Device | 'new' | null>(null);
  const [secret, setSecret] = useState<{ name: string; token: string } | null>(null);

  const query = { type, status, q: q || undefined, limit: LIMIT, offset };
  const devices = useQuery({
    queryKey: [...devicesKey, query],
    queryFn: () => listDevices(query),
    placeholderData: keepPreviousData,
  });

  const refresh = () => client.invalidateQueries({ queryKey: devicesKey });
  const save = useMutation({
    mutationFn: (input: DeviceInput): Promise<{ device: Device; token: string | null }> =>
      editing && editing !== 'new'
        ? updateDevice(editing.id, input).then((device) => ({ device, token: null }))
        : createDevice(input),
    onSuccess: async ({ device, token }) => {
      setEditing(null);
      if (token) setSecret({ name: device.name, token });
      notifications.show({
        color: 'teal',
        message: fill(token ? t.deviceCreated : common.saved, { name: device.name }),
      });
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (device: Device) => deleteDevice(device.id).then(() => device),
    onSuccess: async (device) => {
      notifications.show({ color: 'teal', message: fill(t.deviceDeleted, { name: device.name }) });
      await refresh();
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: common.errorTitle, message: error.message }),
  });
  const rotate = useMutation({
    mutationFn: (device: Device) => rotateDeviceToken(device.id),
    onSuccess: async ({ device, token }) => {
      setSecret({ name: device.name, token });
      await refresh();
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: common.errorTitle, message: error.message }),
  });

  const openForm = (target: Device | 'new') => {
    save.reset();
    setEditing(target);
  };

  return (
    <Stack>
      <PageTitle
        title={t.devicesTitle}
        description={t.devicesIntro}
        actions={canManage && <Button onClick={() => openForm('new')}>{t.deviceCreate}</Button>}
      />
      {secret && (
        <Stack gap="xs">
          <OneTimeSecret
            label={`${t.tokenTitle}: ${secret.name}`}
            value={secret.token}
            warning={t.tokenWarning}
          />
          <Group>
            <Button variant="default" size="xs" onClick={() => setSecret(null)}>
              {t.tokenDone}
            </Button>
          </Group>
        </Stack>
      )}
      <Group gap="sm" align="flex-end">
        <TextInput
          type="search"
          label={t.searchName}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setOffset(0);
          }}
          w={260}
        />
        <Select
          label={t.type}
          placeholder={t.allTypes}
          clearable
          value={type ?? null}
          onChange={(value) => {
            setType((value as DeviceType | null) ?? undefined);
            setOffset(0);
          }}
          data={deviceTypes.map((value) => ({ value, label: deviceTypeLabels[locale][value] }))}
          w={260}
        />
        <Select
          label={t.status}
          placeholder={t.allStatuses}
          clearable
          value={status ?? null}
          onChange={(value) => {
            setStatus((value as DeviceStatus | null) ?? undefined);
            setOffset(0);
          }}
          data={deviceStatuses.map((value) => ({ value, label: deviceStatusLabels[locale][value] }))}
          w={200}
        />
      </Group>
      <ListTable
        query={devices}
        items={devices.data?.items}
        empty={t.devicesEmpty}
        caption={t.devicesList}
        minWidth={860}
        head={
          <>
            <Table.Th scope="col">{t.name}</Table.Th>
            <Table.Th scope="col">{t.type}</Table.Th>
            <Table.Th scope="col">{t.status}</Table.Th>
            <Table.Th scope="col">{t.lastSeen}</Table.Th>
            {canManage && <Table.Th scope="col">{t.actions}</Table.Th>}
          </>
        }
        row={(device) => (
          <Table.Tr key={device.id}>
            <Table.Th scope="row" fw={500}>
              <Text size="sm" fw={600}>
                {device.name}
              </Text>
              <Group gap={4}>
                {device.code && (
                  <Text size="xs" c="dimmed">
                    {device.code}
                  </Text>
                )}
                {device.isSample && (
                  <Badge variant="outline" color="gray.7" size="xs" tt="none">
                    {t.sample}
                  </Badge>
                )}
              </Group>
            </Table.Th>
            <Table.Td>{deviceTypeLabels[locale][device.type]}</Table.Td>
            <Table.Td>
              <Badge color={deviceStatusColors[device.status]} tt="none" variant="light">
                {deviceStatusLabels[locale][device.status]}
              </Badge>
            </Table.Td>
            <Table.Td>{device.lastSeenAt ? formatDateTime(device.lastSeenAt) : t.never}</Table.Td>
            {canManage && (
              <Table.Td>
                <RowActions
                  name={device.name}
                  onEdit={() => openForm(device)}
                  remove={{
                    title: t.deviceDeleteTitle,
                    message: fill(t.deviceDeleteText, { name: device.name }),
                    onConfirm: () => remove.mutateAsync(device).catch(() => undefined),
                    loading: remove.isPending,
                  }}
                >
                  <ConfirmButton
                    title={t.rotateTokenTitle}
                    message={fill(t.rotateTokenText, { name: device.name })}
                    confirmLabel={t.rotateToken}
                    onConfirm={() => rotate.mutateAsync(device).catch(() => undefined)}
                    loading={rotate.isPending}
                    buttonProps={{ color: 'blue', 'aria-label': `${t.rotateToken}: ${device.name}` }}
                  >
                    {t.rotateToken}
                  </ConfirmButton>
                </RowActions>
              </Table.Td>
            )}
          </Table.Tr>
        )}
        page={{
          total: devices.data?.total ?? 0,
          limit: LIMIT,
          offset,
          onOffsetChange: setOffset,
        }}
      />
      <FormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t.deviceCreateTitle : t.deviceEditTitle}
      >
        {editing !== null && (
          <DeviceForm
            device={editing === 'new' ? null : editing}
            pending={save.isPending}
            error={save.error}
            onSubmit={(input) => save.mutate(input)}
            onCancel={() => setEditing(null)}
          />
        )}
      </FormModal>
    </Stack>
  );
}
