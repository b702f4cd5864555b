import { Button, Group, Select, SimpleGrid, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { commonMessages } from '../../components/common.i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrorsOf, requiredErrors, textOrNull } from '../../lib/forms';
import { pick, useLocale, useMessages } from '../../lib/i18n';
import {
  agencyKinds,
  createAgency,
  updateAgency,
  type Agency,
  type AgencyInput,
  type AgencyKind,
} from './agencies.api';
import { agencyKindLabels, agencyMessages } from './agencies.i18n';

const textFields = [
  'code',
  'nameVi',
  'nameEn',
  'email',
  'phone',
  'address',
  'website',
  'adminUnitCode',
  'note',
] as const;
type TextField = (typeof textFields)[number];
const contactFields: readonly TextField[] = ['email', 'phone', 'address', 'website'];

function initialText(agency: Agency | null): Record<TextField, string> {
  return Object.fromEntries(textFields.map((field) => [field, agency?.[field] ?? ''])) as Record<
    TextField,
    string
  >;
}

/**
 * Create or edit an agency. `contactOnly` (an agency administrator on their own agency) shows just the
 * contact points, the only fields the API lets them change.
 */
export function AgencyForm({
  agency,
  parentId,
  agencies,
  contactOnly,
  onDone,
  onCancel,
}: {
  readonly agency: Agency | null;
  readonly parentId: string | null;
  readonly agencies: readonly Agency[];
  readonly contactOnly: boolean;
  readonly onDone: (saved: Agency) => void;
  readonly onCancel: () => void;
}) {
  const t = useMessages(agencyMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const [text, setText] = useState(() => initialText(agency));
  const [kind, setKind] = useState<AgencyKind>(agency?.kind ?? 'department');
  const [parent, setParent] = useState<string | null>(agency ? agency.parentId : parentId);
  const [active, setActive] = useState(agency?.active ?? true);
  const [missing, setMissing] = useState<Partial<Record<TextField, string>>>({});

  const save = useMutation({
    mutationFn: (input: AgencyInput) => (agency ? updateAgency(agency.id, input) : createAgency(input)),
    onSuccess: onDone,
  });
  const serverErrors = fieldErrorsOf(save.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const blank = contactOnly ? {} : requiredErrors(text, ['code', 'nameVi'], common.required);
    setMissing(blank);
    if (Object.keys(blank).length > 0) return;
    const values = Object.fromEntries(textFields.map((field) => [field, textOrNull(text[field])])) as Record<
      TextField,
      string | null
    >;
    if (contactOnly) {
      save.mutate(Object.fromEntries(contactFields.map((field) => [field, values[field]])));
      return;
    }
    save.mutate({
      ...values,
      code: values.code ?? '',
      nameVi: values.nameVi ?? '',
      kind,
      parentId: parent,
      active,
    });
  };

  const input = (
    field: TextField,
    label: string,
    options: { required?: boolean; type?: string; description?: string } = {},
  ) => (
    <TextInput
      label={label}
      required={options.required ?? false}
      type={options.type ?? 'text'}
      description={options.description}
      value={text[field]}
      onChange={(event) => {
        const value = event.currentTarget.value;
        setText((current) => ({ ...current, [field]: value }));
      }}
      error={missing[field] ?? serverErrors[field]}
    />
  );

  // An agency cannot sit under itself or its own descendants.
  const excluded = new Set<string>(agency ? [agency.id] : []);
  for (let grew = true; grew;) {
    grew = false;
    for (const candidate of agencies) {
      if (candidate.parentId && excluded.has(candidate.parentId) && !excluded.has(candidate.id)) {
        excluded.add(candidate.id);
        grew = true;
      }
    }
  }
  const parentOptions = [
    { value: '', label: t.noParent },
    ...agencies
      .filter((candidate) => !excluded.has(candidate.id))
      .map((candidate) => ({
        value: candidate.id,
        label: pick(locale, { vi: candidate.nameVi, en: candidate.nameEn }),
      })),
  ];

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {contactOnly ? (
          <Text size="sm">{t.contactOnly}</Text>
        ) : (
          <Text size="sm" c="dimmed">
            {common.requiredHint}
          </Text>
        )}
        {save.isError && (
          <ErrorAlert error={save.error} shownFields={[...textFields, 'kind', 'parentId', 'active']} />
        )}
        {!contactOnly && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {input('code', t.code, { required: true, description: t.codeHint })}
              <Select
                label={t.kind}
                required
                data={agencyKinds.map((value) => ({ value, label: agencyKindLabels[locale][value] }))}
                value={kind}
                onChange={(value) => value && setKind(value as AgencyKind)}
                allowDeselect={false}
                error={serverErrors.kind}
              />
            </SimpleGrid>
            {input('nameVi', t.nameVi, { required: true })}
            {input('nameEn', t.nameEn)}
            <Select
              label={t.parent}
              data={parentOptions}
              value={parent ?? ''}
              onChange={(value) => setParent(value || null)}
              searchable
              allowDeselect={false}
              error={serverErrors.parentId}
            />
          </>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {input('email', t.email, { type: 'email' })}
          {input('phone', t.phone, { type: 'tel' })}
        </SimpleGrid>
        {input('address', t.address)}
        {input('website', t.website, { type: 'url', description: 'https://…' })}
        {!contactOnly && (
          <>
            {input('adminUnitCode', t.adminUnitCode)}
            <Textarea
              label={t.note}
              value={text.note}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setText((current) => ({ ...current, note: value }));
              }}
              autosize
              minRows={2}
              error={serverErrors.note}
            />
            <Switch
              label={t.active}
              checked={active}
              onChange={(event) => setActive(event.currentTarget.checked)}
            />
          </>
        )}
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
