import { Button, Checkbox, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { commonMessages } from '../../components/common.i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrorsOf, textOrNull } from '../../lib/forms';
import { useLocale, useMessages } from '../../lib/i18n';
import { channelLabels } from './feedback-labels';
import { consoleMessages } from './feedback-console.i18n';
import { submitOperatorReport, type OperatorReportInput, type StaffReport } from './feedback-console.api';
import { useAdminUnitOptions, useCategoryOptions } from './feedback-console.hooks';
import { emptyLocation, LocationFields, locationOf, type LocationDraft } from './LocationFields';

const operatorChannels = ['phone', 'email', 'zalo', 'sms', 'web', 'mobile'] as const;
type OperatorChannel = (typeof operatorChannels)[number];

/**
 * What the operator types while the caller talks: one column, in the order of the conversation, every
 * field reachable with Tab; Ctrl+Enter (or ⌘+Enter) records the report from anywhere in the form.
 */
export function OperatorReportForm({
  phone,
  onSubmitted,
}: {
  readonly phone: string;
  readonly onSubmitted: (report: StaffReport) => void;
}) {
  const t = useMessages(consoleMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const categories = useCategoryOptions();
  const units = useAdminUnitOptions();
  const [name, setName] = useState('');
  const [consent, setConsent] = useState(false);
  const [channel, setChannel] = useState<OperatorChannel>('phone');
  const [category, setCategory] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [address, setAddress] = useState('');
  const [unit, setUnit] = useState<string | null>(null);
  const [location, setLocation] = useState<LocationDraft>(emptyLocation);
  const [urgent, setUrgent] = useState(false);
  const [checked, setChecked] = useState(false);
  const place = locationOf(location);

  const input = (): OperatorReportInput => ({
    channel,
    categoryCode: category,
    description: description.trim(),
    address: textOrNull(address),
    location: place === 'half' ? null : place,
    adminUnitCode: unit,
    // Without the caller's consent nothing that identifies them is kept: the report is anonymous.
    contact: consent ? { name: textOrNull(name), phone: textOrNull(phone) } : null,
    urgent,
    consentGiven: consent,
  });
  const save = useMutation({ mutationFn: () => submitOperatorReport(input()), onSuccess: onSubmitted });
  const server = fieldErrorsOf(save.error);
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    setChecked(true);
    if (description.trim() && place !== 'half' && !save.isPending) save.mutate();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
  };

  return (
    <form onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-label={t.callTitle}>
      <Stack>
        <Text size="sm" c="dimmed">
          {common.requiredHint} {t.shortcut}
        </Text>
        {save.isError && (
          <ErrorAlert error={save.error} shownFields={['description', 'address', 'location', 'contact']} />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t.callerName}
            autoComplete="off"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
          />
          <Select
            label={t.channelLabel}
            data={operatorChannels.map((value) => ({ value, label: channelLabels[locale][value] }))}
            value={channel}
            onChange={(value) => value && setChannel(value as OperatorChannel)}
            allowDeselect={false}
          />
        </SimpleGrid>
        <Checkbox
          label={t.consent}
          description={consent ? undefined : t.anonymousHint}
          checked={consent}
          onChange={(event) => setConsent(event.currentTarget.checked)}
          error={server.contact}
        />
        <Select
          label={t.category}
          placeholder={t.categoryPlaceholder}
          searchable
          clearable
          data={categories}
          value={category}
          onChange={setCategory}
        />
        <Textarea
          label={t.descriptionLabel}
          required
          autosize
          minRows={4}
          maxLength={4000}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          error={checked && !description.trim() ? common.required : server.description}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t.address}
            autoComplete="off"
            value={address}
            onChange={(event) => setAddress(event.currentTarget.value)}
            error={server.address}
          />
          <Select label={t.adminUnit} searchable clearable data={units} value={unit} onChange={setUnit} />
        </SimpleGrid>
        <LocationFields
          value={location}
          onChange={setLocation}
          error={checked && place === 'half' ? t.bothCoordinates : server.location}
        />
        <Checkbox
          label={t.urgentLabel}
          checked={urgent}
          onChange={(event) => setUrgent(event.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t.submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
