import { Badge, Button, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { RoleGate } from '../../app/RequireAuth';
import { FormModal } from '../../components/FormModal';
import { ListTable } from '../../components/ListTable';
import { PageTitle } from '../../components/PageTitle';
import { RowActions } from '../../components/RowActions';
import { commonMessages } from '../../components/common.i18n';
import { formatNumber } from '../../lib/format';
import { fill, useLocale, useMessages } from '../../lib/i18n';
import { hasAnyRole } from '../auth/roles';
import { useSession } from '../auth/session';
import { AlertRuleForm } from './AlertRuleForm';
import {
  alertRulesKey,
  createAlertRule,
  deleteAlertRule,
  listAlertRules,
  ruleManagerRoles,
  staffRoles,
  updateAlertRule,
  type AlertRule,
  type AlertRuleInput,
} from './sensors.api';
import { sensorsMessages, type SensorsMessages } from './sensors-console.i18n';
import { deviceTypeLabels, operatorLabels, severityColors, severityLabels } from './sensors-labels';
import type { Locale } from '../../lib/i18n';

const LIMIT = 25;

function targetOf(rule: AlertRule, t: SensorsMessages, locale: Locale): string {
  if (rule.datastreamId !== null) return `${t.datastream} #${rule.datastreamId}`;
  if (rule.observedPropertyId !== null) return `${t.observedProperty} #${rule.observedPropertyId}`;
  if (rule.deviceType !== null) return deviceTypeLabels[locale][rule.deviceType];
  return t.anyDevice;
}

/** Alert rules: list for staff, create, change and remove for rule managers. */
export function AlertRulesPage() {
  return (
    <RoleGate roles={staffRoles}>
      <AlertRulesView />
    </RoleGate>
  );
}

function AlertRulesView() {
  const t = useMessages(sensorsMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const client = useQueryClient();
  const session = useSession();
  const canManage = hasAnyRole(session.data?.user.grants, ruleManagerRoles);
  const [offset, setOffset] = useState(0);
  const [editing, setEditing] = useState<AlertRule | 'new' | null>(null);
  const rules = useQuery({
    queryKey: [...alertRulesKey, offset],
    queryFn: () => listAlertRules({ limit: LIMIT, offset }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => client.invalidateQueries({ queryKey: alertRulesKey });
  const save = useMutation({
    mutationFn: (input: AlertRuleInput) =>
      editing && editing !== 'new' ? updateAlertRule(editing.id, input) : createAlertRule(input),
    onSuccess: async (rule) => {
      setEditing(null);
      notifications.show({ color: 'teal', message: fill(t.ruleSaved, { name: rule.name }) });
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (rule: AlertRule) => deleteAlertRule(rule.id).then(() => rule),
    onSuccess: async (rule) => {
      notifications.show({ color: 'teal', message: fill(t.ruleDeleted, { name: rule.name }) });
      await refresh();
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: common.errorTitle, message: error.message }),
  });
  const openForm = (target: AlertRule | 'new') => {
    save.reset();
    setEditing(target);
  };
  const number = (value: number | null) => (value === null ? '—' : formatNumber(value, locale));

  return (
    <Stack>
      <PageTitle
        title={t.rulesTitle}
        description={canManage ? t.rulesIntro : `${t.rulesIntro} ${t.readOnlyRules}`}
        actions={canManage && <Button onClick={() => openForm('new')}>{t.ruleCreate}</Button>}
      />
      <ListTable
        query={rules}
        items={rules.data?.items}
        empty={t.rulesEmpty}
        caption={t.rulesList}
        minWidth={900}
        head={
          <>
            <Table.Th scope="col">{t.name}</Table.Th>
            <Table.Th scope="col">{t.operator}</Table.Th>
            <Table.Th scope="col">{t.target}</Table.Th>
            <Table.Th scope="col">{t.severity}</Table.Th>
            <Table.Th scope="col">{t.status}</Table.Th>
            {canManage && <Table.Th scope="col">{t.actions}</Table.Th>}
          </>
        }
        row={(rule) => (
          <Table.Tr key={rule.id}>
            <Table.Th scope="row" fw={500}>
              <Text size="sm" fw={600}>
                {rule.name}
              </Text>
              {rule.isSample && (
                <Badge variant="outline" color="gray.7" size="xs" tt="none">
                  {t.sample}
                </Badge>
              )}
            </Table.Th>
            <Table.Td>
              <Text size="sm">{operatorLabels[locale][rule.operator]}</Text>
              <Text size="xs" c="dimmed">
                {rule.threshold !== null && `${t.threshold}: ${number(rule.threshold)}`}
                {rule.clearThreshold !== null && ` · ${t.clearThreshold}: ${number(rule.clearThreshold)}`}
                {rule.windowMinutes !== null && ` · ${t.windowMinutes}: ${number(rule.windowMinutes)}`}
              </Text>
            </Table.Td>
            <Table.Td>{targetOf(rule, t, locale)}</Table.Td>
            <Table.Td>
              <Badge color={severityColors[rule.severity]} tt="none">
                {severityLabels[locale][rule.severity]}
              </Badge>
            </Table.Td>
            <Table.Td>{rule.active ? common.active : common.inactive}</Table.Td>
            {canManage && (
              <Table.Td>
                <RowActions
                  name={rule.name}
                  onEdit={() => openForm(rule)}
                  remove={{
                    title: t.ruleDeleteTitle,
                    message: fill(t.ruleDeleteText, { name: rule.name }),
                    onConfirm: () => remove.mutateAsync(rule).catch(() => undefined),
                    loading: remove.isPending,
                  }}
                />
              </Table.Td>
            )}
          </Table.Tr>
        )}
        page={{
          total: rules.data?.total ?? 0,
          limit: LIMIT,
          offset,
          onOffsetChange: setOffset,
        }}
      />
      <FormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t.ruleCreateTitle : t.ruleEditTitle}
      >
        {editing !== null && (
          <AlertRuleForm
            rule={editing === 'new' ? null : editing}
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
