import { Button, Group, Select, Stack, Table, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { commonMessages } from '../../components/common.i18n';
import { RowActions } from '../../components/RowActions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { EmptyBlock, LoadingBlock } from '../../components/StatusBlocks';
import { fill, pick, useLocale, useMessages } from '../../lib/i18n';
import { useAllAgencies } from '../agencies/agencies.api';
import { consoleMessages } from './feedback-console.i18n';
import { deleteRule, feedbackKey, listRules, type RoutingRule } from './feedback-console.api';
import { useAdminUnitOptions, useCategoryOptions } from './feedback-console.hooks';
import { RuleForm } from './RuleForm';

/** The routing table, one category at a time (a city has hundreds of rows); add, change, remove rows. */
export function RoutingRules() {
  const t = useMessages(consoleMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const client = useQueryClient();
  const categories = useCategoryOptions(true);
  const units = useAdminUnitOptions();
  const agencies = useAllAgencies();
  const [category, setCategory] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ rule: RoutingRule | null } | null>(null);
  const shown = category ?? categories[0]?.value ?? null;
  const rules = useQuery({
    queryKey: [...feedbackKey, 'rules', shown],
    queryFn: () => listRules({ category: shown ?? undefined }),
    enabled: shown !== null,
  });
  const agencyOptions = useMemo(
    () =>
      (agencies.data ?? [])
        .filter((agency) => agency.active)
        .map((agency) => ({
          value: agency.id,
          label: pick(locale, { vi: agency.nameVi, en: agency.nameEn }),
        }))
        .sort((a, b) => a.label.localeCompare(b.label, 'vi')),
    [agencies.data, locale],
  );
  const nameOf = (options: readonly { value: string; label: string }[], value: string | null) =>
    options.find((option) => option.value === value)?.label ?? value ?? '';
  const unitName = (code: string | null) => (code === null ? t.defaultUnit : nameOf(units, code));
  const refresh = () => client.invalidateQueries({ queryKey: [...feedbackKey, 'rules'] });
  const remove = useMutation({
    mutationFn: (rule: RoutingRule) => deleteRule(rule.id),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t.ruleDeleted });
      await refresh();
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: common.errorTitle, message: error.message }),
  });
  const sorted = [...(rules.data ?? [])].sort((a, b) =>
    a.adminUnitCode === null
      ? -1
      : b.adminUnitCode === null
        ? 1
        : unitName(a.adminUnitCode).localeCompare(unitName(b.adminUnitCode), 'vi'),
  );

  return (
    <Stack component="section" aria-labelledby="routing-rules">
      <Group justify="space-between" align="flex-end">
        <Title id="routing-rules" order={2} size="h3">
          {t.rules}
        </Title>
        <Button onClick={() => setEditing({ rule: null })}>{t.addRule}</Button>
      </Group>
      <Select
        label={t.filterCategory}
        searchable
        allowDeselect={false}
        data={categories}
        value={shown}
        onChange={setCategory}
        maw={400}
      />
      {rules.isPending && shown !== null && <LoadingBlock />}
      {rules.isError && <ErrorAlert error={rules.error} />}
      {rules.data && sorted.length === 0 && <EmptyBlock title={t.noRules} />}
      {sorted.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing="xs">
            <caption className="visually-hidden">{t.rules}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t.unit}</Table.Th>
                <Table.Th scope="col">{t.agency}</Table.Th>
                <Table.Th scope="col">{common.actions}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((rule) => (
                <Table.Tr key={rule.id}>
                  <Table.Td fw={rule.adminUnitCode === null ? 600 : undefined}>
                    {unitName(rule.adminUnitCode)}
                  </Table.Td>
                  <Table.Td>{nameOf(agencyOptions, rule.agencyId)}</Table.Td>
                  <Table.Td>
                    <RowActions
                      name={unitName(rule.adminUnitCode)}
                      onEdit={() => setEditing({ rule })}
                      remove={{
                        title: t.deleteRuleTitle,
                        message: fill(t.deleteRuleMessage, {
                          category: nameOf(categories, rule.categoryCode),
                          unit: unitName(rule.adminUnitCode),
                          agency: nameOf(agencyOptions, rule.agencyId),
                        }),
                        onConfirm: () => remove.mutateAsync(rule).catch(() => undefined),
                        loading: remove.isPending,
                      }}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <FormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.rule ? t.editRule : t.addRule}
      >
        {editing && (
          <RuleForm
            rule={editing.rule}
            category={shown}
            agencies={agencyOptions}
            onCancel={() => setEditing(null)}
            onDone={() => {
              notifications.show({ color: 'green', message: t.ruleSaved });
              setEditing(null);
              void refresh();
            }}
          />
        )}
      </FormModal>
    </Stack>
  );
}
