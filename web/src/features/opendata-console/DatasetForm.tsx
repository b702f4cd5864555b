import {
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { commonMessages } from '../../components/common.i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrorsOf } from '../../lib/forms';
import { useMessages } from '../../lib/i18n';
import { frequencyLabels } from '../opendata/opendata.i18n';
import { frequencies } from '../opendata/opendata.types';
import { ckanFieldOf, clientProblems, slugify, type DatasetFormValues, type FormField } from './dataset-form';
import { DatasetFormMore, type TextFieldProps } from './DatasetFormMore';
import { GroupsSelect, LicenseSelect } from './DatasetFormSelects';
import { publishMessages } from './publish.i18n';
import type { OrgOption } from './publisher-orgs';

/**
 * The dataset's metadata. The browser checks the obvious (required fields, the URL name, dates); the
 * server's Validation Error then shows each message next to its field, the rest above the form.
 */
export function DatasetForm({
  initial,
  isNew,
  orgs,
  pending,
  error,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  readonly initial: DatasetFormValues;
  readonly isNew: boolean;
  readonly orgs: readonly OrgOption[];
  readonly pending: boolean;
  readonly error: unknown;
  readonly submitLabel: string;
  readonly onSubmit: (values: DatasetFormValues) => void;
  readonly onCancel: () => void;
}) {
  const t = useMessages(publishMessages);
  const common = useMessages(commonMessages);
  const frequencyNames = useMessages(frequencyLabels);
  const [values, setValues] = useState(initial);
  const [nameTouched, setNameTouched] = useState(!isNew);
  const [checked, setChecked] = useState(false);
  const problems = checked ? clientProblems(values) : {};
  const server = fieldErrorsOf(error);
  const problemText = { required: common.required, name: t.invalidName, dates: t.invalidDates };
  const errorOf = (field: FormField): string | undefined => {
    const problem = problems[field];
    return problem ? problemText[problem] : server[ckanFieldOf[field]];
  };
  const set = <K extends FormField>(field: K, value: DatasetFormValues[K]) =>
    setValues((current) => ({
      ...current,
      [field]: value,
      ...(field === 'title' && !nameTouched ? { name: slugify(String(value)) } : {}),
    }));
  const text = (field: FormField): TextFieldProps => ({
    value: String(values[field]),
    onChange: (event: { currentTarget: { value: string } }) => set(field, event.currentTarget.value),
    error: errorOf(field),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(clientProblems(values)).length === 0) onSubmit(values);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {common.requiredHint}
        </Text>
        {Boolean(error) && (
          <ErrorAlert error={error} title={t.saveFailed} shownFields={Object.values(ckanFieldOf)} />
        )}
        <TextInput label={t.fieldTitle} required {...text('title')} />
        <TextInput
          label={t.fieldName}
          description={t.fieldNameHint}
          required
          {...text('name')}
          onChange={(event) => {
            setNameTouched(true);
            set('name', event.currentTarget.value);
          }}
          leftSection={
            <Text size="xs" c="dimmed">
              /
            </Text>
          }
        />
        <Select
          label={t.fieldOrg}
          required
          data={orgs.map((org) => ({ value: org.value, label: org.label }))}
          value={values.ownerOrg || null}
          onChange={(value) => set('ownerOrg', value ?? '')}
          searchable
          error={errorOf('ownerOrg')}
        />
        <Textarea label={t.fieldNotes} autosize minRows={3} {...text('notes')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t.fieldTitleEn} lang="en" {...text('titleEn')} />
          <LicenseSelect
            value={values.licenseId}
            onChange={(value) => set('licenseId', value)}
            error={errorOf('licenseId')}
          />
        </SimpleGrid>
        <Textarea label={t.fieldNotesEn} lang="en" autosize minRows={2} {...text('notesEn')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TagsInput
            label={t.fieldTags}
            description={t.fieldTagsHint}
            value={[...values.tags]}
            onChange={(value) => set('tags', value)}
            error={errorOf('tags')}
            clearable
          />
          <GroupsSelect
            value={values.groups}
            onChange={(value) => set('groups', value)}
            error={errorOf('groups')}
          />
          <Select
            label={t.fieldFrequency}
            data={[
              { value: '', label: t.noFrequency },
              ...frequencies.map((value) => ({ value, label: frequencyNames[value] })),
            ]}
            value={values.frequency}
            onChange={(value) => set('frequency', frequencies.find((item) => item === value) ?? '')}
            allowDeselect={false}
            error={errorOf('frequency')}
          />
          <TextInput label={t.fieldSpatial} description={t.fieldSpatialHint} {...text('spatialCoverage')} />
          <TextInput label={t.fieldTemporalStart} type="date" {...text('temporalStart')} />
          <TextInput label={t.fieldTemporalEnd} type="date" {...text('temporalEnd')} />
        </SimpleGrid>
        <DatasetFormMore text={text} />
        <Switch
          label={t.fieldPrivate}
          checked={values.private}
          onChange={(event) => set('private', event.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {common.cancel}
          </Button>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
