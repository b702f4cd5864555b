import { Button, Group, NumberInput, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { commonMessages } from '../../components/common.i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrorsOf, textOrNull } from '../../lib/forms';
import { useMessages } from '../../lib/i18n';
import { createTeam, updateTeam, type CommunityTeam, type TeamInput } from './teams.api';
import { teamMessages } from './teams.i18n';

const toNumber = (value: number | string): number | null => (value === '' ? null : Number(value));

export function TeamForm({
  team,
  onDone,
  onCancel,
}: {
  readonly team: CommunityTeam | null;
  readonly onDone: (saved: CommunityTeam) => void;
  readonly onCancel: () => void;
}) {
  const t = useMessages(teamMessages);
  const common = useMessages(commonMessages);
  const [name, setName] = useState(team?.name ?? '');
  const [memberCount, setMemberCount] = useState<number | string>(team?.memberCount ?? 0);
  const [leaderName, setLeaderName] = useState(team?.leaderName ?? '');
  const [phone, setPhone] = useState('');
  const [adminUnitCode, setAdminUnitCode] = useState(team?.adminUnitCode ?? '');
  const [establishedOn, setEstablishedOn] = useState(team?.establishedOn ?? '');
  const [latitude, setLatitude] = useState<number | string>(team?.location?.latitude ?? '');
  const [longitude, setLongitude] = useState<number | string>(team?.location?.longitude ?? '');
  const [note, setNote] = useState(team?.note ?? '');
  const [checked, setChecked] = useState(false);
  const lat = toNumber(latitude);
  const lon = toNumber(longitude);
  const halfLocation = (lat === null) !== (lon === null);

  const input: TeamInput = {
    name: name.trim(),
    memberCount: toNumber(memberCount) ?? 0,
    leaderName: textOrNull(leaderName),
    adminUnitCode: textOrNull(adminUnitCode),
    establishedOn: establishedOn || null,
    location: lat !== null && lon !== null ? { latitude: lat, longitude: lon } : null,
    note: textOrNull(note),
    // The public API never returns the phone, so an empty box means "keep", not "clear".
    ...(phone.trim() ? { contactPhone: phone.trim() } : {}),
  };
  const save = useMutation({
    mutationFn: () => (team ? updateTeam(team.id, input) : createTeam(input)),
    onSuccess: onDone,
  });
  const server = fieldErrorsOf(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (name.trim() && !halfLocation) save.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {common.requiredHint}
        </Text>
        {save.isError && (
          <ErrorAlert
            error={save.error}
            shownFields={[
              'name',
              'memberCount',
              'leaderName',
              'contactPhone',
              'adminUnitCode',
              'establishedOn',
              'location',
              'note',
            ]}
          />
        )}
        <TextInput
          label={t.name}
          required
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={checked && !name.trim() ? common.required : server.name}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t.memberCount}
            min={0}
            max={10000}
            allowDecimal={false}
            allowNegative={false}
            value={memberCount}
            onChange={setMemberCount}
            error={server.memberCount}
          />
          <TextInput
            label={t.establishedOn}
            type="date"
            value={establishedOn}
            onChange={(event) => setEstablishedOn(event.currentTarget.value)}
            error={server.establishedOn}
          />
          <TextInput
            label={t.leader}
            value={leaderName}
            onChange={(event) => setLeaderName(event.currentTarget.value)}
            error={server.leaderName}
          />
          <TextInput
            label={t.phone}
            description={team ? t.phoneKeep : undefined}
            type="tel"
            value={phone}
            onChange={(event) => setPhone(event.currentTarget.value)}
            error={server.contactPhone}
          />
          <TextInput
            label={t.adminUnit}
            value={adminUnitCode}
            onChange={(event) => setAdminUnitCode(event.currentTarget.value)}
            error={server.adminUnitCode}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t.latitude}
            description={t.locationHint}
            min={-90}
            max={90}
            decimalScale={6}
            value={latitude}
            onChange={setLatitude}
            error={checked && halfLocation ? t.bothCoordinates : server.location}
          />
          <NumberInput
            label={t.longitude}
            description=" "
            min={-180}
            max={180}
            decimalScale={6}
            value={longitude}
            onChange={setLongitude}
            error={checked && halfLocation ? t.bothCoordinates : undefined}
          />
        </SimpleGrid>
        <Textarea
          label={t.note}
          autosize
          minRows={2}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={server.note}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {common.cancel}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {common.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
