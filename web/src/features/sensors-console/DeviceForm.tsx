import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { commonMessages } from '../../components/common.i18n';
import { fieldErrorsOf, textOrNull } from '../../lib/forms';
import { useLocale, useMessages } from '../../lib/i18n';
import {
  deviceTypes,
  isCamera,
  ownerKinds,
  streamAccessLevels,
  type Device,
  type DeviceInput,
  type DeviceType,
  type OwnerKind,
  type StreamAccess,
} from './sensors.api';
import { sensorsMessages } from './sensors-console.i18n';
import { deviceTypeLabels, ownerKindLabels, streamAccessLabels } from './sensors-labels';

/** "2026-05-01T08:30" (a datetime-local value, Vietnam time) → ISO with +07:00; and back. */
function toIso(local: string): string | null {
  return local ? `${local}:00+07:00` : null;
}
function fromIso(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(new Date(iso).getTime() + 7 * 3600_000);
  return date.toISOString().slice(0, 16);
}

/** Register or change a device. Camera-only fields show for cameras; consent for contributed ones. */
export function DeviceForm({
  device,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  readonly device: Device | null;
  readonly pending: boolean;
  readonly error: unknown;
  readonly onSubmit: (input: DeviceInput) => void;
  readonly onCancel: () => void;
}) {
  const t = useMessages(sensorsMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const [type, setType] = useState<DeviceType>(device?.type ?? 'traffic_camera');
  const [name, setName] = useState(device?.name ?? '');
  const [code, setCode] = useState(device?.code ?? '');
  const [latitude, setLatitude] = useState<number | string>(device?.location?.latitude ?? '');
  const [longitude, setLongitude] = useState<number | string>(device?.location?.longitude ?? '');
  const [address, setAddress] = useState(device?.address ?? '');
  const [streamUrl, setStreamUrl] = useState(device?.streamUrl ?? '');
  const [streamAccess, setStreamAccess] = useState<StreamAccess>(device?.streamAccess ?? 'operators');
  const [ownerKind, setOwnerKind] = useState<OwnerKind>(device?.ownerKind ?? 'city');
  const [ownerName, setOwnerName] = useState(device?.ownerName ?? '');
  const [consentAt, setConsentAt] = useState(fromIso(device?.consentAt));
  const [consentReference, setConsentReference] = useState(device?.consentReference ?? '');
  const [heartbeat, setHeartbeat] = useState<number | string>(device?.heartbeatIntervalSeconds ?? 30);
  const [monitored, setMonitored] = useState(device?.monitored ?? true);
  const [note, setNote] = useState(device?.note ?? '');
  const [missing, setMissing] = useState(false);
  const fieldErrors = fieldErrorsOf(error);
  const camera = isCamera(type);
  const contributed = type === 'contributed_camera';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setMissing(true);
      return;
    }
    const hasLocation = latitude !== '' && longitude !== '';
    const input: DeviceInput = {
      type,
      name: name.trim(),
      code: textOrNull(code),
      location: hasLocation ? { latitude: Number(latitude), longitude: Number(longitude) } : null,
      address: textOrNull(address),
      ...(camera ? { streamUrl: textOrNull(streamUrl), streamAccess } : {}),
      ownerKind,
      ownerName: textOrNull(ownerName),
      consentAt: toIso(consentAt),
      consentReference: textOrNull(consentReference),
      heartbeatIntervalSeconds: Number(heartbeat) || 30,
      monitored,
      note: textOrNull(note),
    };
    onSubmit(input);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {common.requiredHint}
        </Text>
        <Select
          label={t.type}
          required
          allowDeselect={false}
          value={type}
          onChange={(value) => {
            if (!value) return;
            const next = value as DeviceType;
            setType(next);
            if (next === 'contributed_camera' && !device) {
              setOwnerKind('citizen');
              setStreamAccess('owner');
            }
          }}
          data={deviceTypes.map((value) => ({ value, label: deviceTypeLabels[locale][value] }))}
          error={fieldErrors.type}
        />
        <TextInput
          label={t.name}
          required
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={missing && !name.trim() ? common.required : fieldErrors.name}
          maxLength={200}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t.code}
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            error={fieldErrors.code}
          />
          <TextInput
            label={t.address}
            value={address}
            onChange={(event) => setAddress(event.currentTarget.value)}
            error={fieldErrors.address}
          />
          <NumberInput
            label={t.latitude}
            value={latitude}
            onChange={setLatitude}
            min={-90}
            max={90}
            decimalScale={6}
            decimalSeparator="."
            error={fieldErrors.location}
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
        {camera && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t.streamUrl}
              description={t.streamUrlHint}
              value={streamUrl}
              onChange={(event) => setStreamUrl(event.currentTarget.value)}
              error={fieldErrors.streamUrl}
            />
            <Select
              label={t.streamAccess}
              allowDeselect={false}
              value={streamAccess}
              onChange={(value) => value && setStreamAccess(value as StreamAccess)}
              data={streamAccessLevels.map((value) => ({ value, label: streamAccessLabels[locale][value] }))}
            />
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t.ownerKind}
            allowDeselect={false}
            value={ownerKind}
            onChange={(value) => value && setOwnerKind(value as OwnerKind)}
            data={ownerKinds.map((value) => ({ value, label: ownerKindLabels[locale][value] }))}
          />
          <TextInput
            label={t.ownerName}
            required={contributed}
            value={ownerName}
            onChange={(event) => setOwnerName(event.currentTarget.value)}
            error={fieldErrors.ownerName}
          />
        </SimpleGrid>
        {(contributed || ownerKind !== 'city') && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="datetime-local"
              label={t.consentAt}
              description={t.consentHint}
              required={contributed}
              value={consentAt}
              onChange={(event) => setConsentAt(event.currentTarget.value)}
              error={fieldErrors.consentAt}
            />
            <TextInput
              label={t.consentReference}
              value={consentReference}
              onChange={(event) => setConsentReference(event.currentTarget.value)}
            />
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t.heartbeat}
            value={heartbeat}
            onChange={setHeartbeat}
            min={5}
            max={86400}
            allowDecimal={false}
            error={fieldErrors.heartbeatIntervalSeconds}
          />
          <Checkbox
            mt={{ base: 0, sm: 30 }}
            label={t.monitored}
            checked={monitored}
            onChange={(event) => setMonitored(event.currentTarget.checked)}
          />
        </SimpleGrid>
        <Textarea
          label={t.note}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          autosize
          minRows={2}
        />
        <ErrorAlert
          error={error}
          shownFields={[
            'type',
            'name',
            'code',
            'address',
            'location',
            'streamUrl',
            'ownerName',
            'consentAt',
            'heartbeatIntervalSeconds',
          ]}
        />
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
