import { Button, Group, NumberInput, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { commonMessages } from '../../components/common.i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrorsOf, textOrNull } from '../../lib/forms';
import { useMessages } from '../../lib/i18n';
import type { OrgOption } from '../opendata-console/publisher-orgs';
import {
  createSource,
  updateSource,
  type HarvestSource,
  type SourceInput,
  type SourceType,
} from './harvest.api';
import { harvestMessages } from './harvest.i18n';

const shownFields = [
  'name',
  'title',
  'type',
  'url',
  'organizationId',
  'sourceOrganization',
  'intervalMinutes',
];

export function HarvestSourceForm({
  source,
  organizations,
  onDone,
  onCancel,
}: {
  readonly source: HarvestSource | null;
  readonly organizations: readonly OrgOption[];
  readonly onDone: (saved: HarvestSource) => void;
  readonly onCancel: () => void;
}) {
  const t = useMessages(harvestMessages);
  const common = useMessages(commonMessages);
  const [name, setName] = useState(source?.name ?? '');
  const [title, setTitle] = useState(source?.title ?? '');
  const [type, setType] = useState<SourceType>(source?.type ?? 'ckan');
  const [url, setUrl] = useState(source?.url ?? '');
  const [organizationId, setOrganizationId] = useState(source?.organizationId ?? organizations[0]?.id ?? '');
  const [sourceOrganization, setSourceOrganization] = useState(source?.sourceOrganization ?? '');
  const [interval, setInterval] = useState<number | string>(source?.intervalMinutes ?? 1440);
  const [active, setActive] = useState(source?.active ?? true);
  const [checked, setChecked] = useState(false);

  const input: SourceInput = {
    ...(source ? {} : { name: name.trim() }),
    title: title.trim(),
    type,
    url: url.trim(),
    organizationId,
    sourceOrganization: textOrNull(sourceOrganization),
    intervalMinutes: Number(interval) || 1440,
    active,
  };
  const save = useMutation({
    mutationFn: () => (source ? updateSource(source.id, input) : createSource(input)),
    onSuccess: onDone,
  });
  const server = fieldErrorsOf(save.error);
  const missing = (value: string) => (checked && !value.trim() ? common.required : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if ((source || name.trim()) && url.trim() && organizationId) save.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {save.isError && <ErrorAlert error={save.error} shownFields={shownFields} />}
        <TextInput
          label={t.name}
          description={t.nameHint}
          required
          disabled={source !== null}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={source ? undefined : (missing(name) ?? server.name)}
        />
        <TextInput
          label={t.sourceTitle}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
        />
        <Select
          label={t.type}
          required
          allowDeselect={false}
          data={[
            { value: 'ckan', label: t.typeCkan },
            { value: 'dcat', label: t.typeDcat },
          ]}
          value={type}
          onChange={(value) => setType(value === 'dcat' ? 'dcat' : 'ckan')}
        />
        <TextInput
          label={t.url}
          description={t.urlHint}
          required
          type="url"
          value={url}
          onChange={(event) => setUrl(event.currentTarget.value)}
          error={missing(url) ?? server.url}
        />
        <Select
          label={t.organization}
          required
          searchable
          data={organizations.map((org) => ({ value: org.id, label: org.label }))}
          value={organizationId}
          onChange={(value) => setOrganizationId(value ?? '')}
          error={missing(organizationId) ?? server.organizationId}
        />
        <TextInput
          label={t.sourceOrganization}
          value={sourceOrganization}
          onChange={(event) => setSourceOrganization(event.currentTarget.value)}
          error={server.sourceOrganization}
        />
        <NumberInput
          label={t.interval}
          min={5}
          max={525600}
          allowDecimal={false}
          value={interval}
          onChange={setInterval}
          error={server.intervalMinutes}
        />
        <Switch
          label={t.active}
          checked={active}
          onChange={(event) => setActive(event.currentTarget.checked)}
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
