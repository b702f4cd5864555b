import { Button, Group, Select, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { commonMessages } from '../../components/common.i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrorsOf } from '../../lib/forms';
import { useMessages } from '../../lib/i18n';
import { consoleMessages } from './feedback-console.i18n';
import { createRule, updateRule, type RoutingRule } from './feedback-console.api';
import { useAdminUnitOptions, useCategoryOptions } from './feedback-console.hooks';

// A Select cannot hold null as a value: this stands for "no unit", the category's default row.
const DEFAULT_UNIT = '*';

/** Adds or changes one row of the routing table. */
export function RuleForm({
  rule,
  category,
  agencies,
  onDone,
  onCancel,
}: {
  readonly rule: RoutingRule | null;
  readonly category: string | null;
  readonly agencies: readonly { value: string; label: string }[];
  readonly onDone: () => void;
  readonly onCancel: () => void;
}) {
  const t = useMessages(consoleMessages);
  const common = useMessages(commonMessages);
  const categories = useCategoryOptions(true);
  const units = useAdminUnitOptions();
  const [categoryCode, setCategoryCode] = useState<string | null>(rule?.categoryCode ?? category);
  const [unit, setUnit] = useState<string>(rule?.adminUnitCode ?? DEFAULT_UNIT);
  const [agencyId, setAgencyId] = useState<string | null>(rule?.agencyId ?? null);
  const [checked, setChecked] = useState(false);
  const save = useMutation({
    mutationFn: (input: { categoryCode: string; adminUnitCode: string | null; agencyId: string }) =>
      rule ? updateRule(rule.id, input) : createRule(input),
    onSuccess: onDone,
  });
  const server = fieldErrorsOf(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (categoryCode && agencyId)
      save.mutate({ categoryCode, adminUnitCode: unit === DEFAULT_UNIT ? null : unit, agencyId });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {save.isError && (
          <ErrorAlert error={save.error} shownFields={['categoryCode', 'adminUnitCode', 'agencyId']} />
        )}
        <Select
          label={t.category}
          required
          searchable
          data={categories}
          value={categoryCode}
          onChange={setCategoryCode}
          error={checked && !categoryCode ? common.required : server.categoryCode}
        />
        <Select
          label={t.unit}
          searchable
          allowDeselect={false}
          data={[{ value: DEFAULT_UNIT, label: t.defaultUnit }, ...units]}
          value={unit}
          onChange={(value) => setUnit(value ?? DEFAULT_UNIT)}
          error={server.adminUnitCode}
        />
        <Select
          label={t.agency}
          required
          searchable
          data={agencies}
          value={agencyId}
          onChange={setAgencyId}
          error={checked && !agencyId ? common.required : server.agencyId}
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
