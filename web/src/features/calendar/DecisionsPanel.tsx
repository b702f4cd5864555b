import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { commonMessages } from '../../components/common.i18n';
import { RowActions } from '../../components/RowActions';
import { FormModal } from '../../components/FormModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EmptyBlock, LoadingBlock } from '../../components/StatusBlocks';
import { formatDay } from '../../lib/format';
import { fill, pick, useLocale, useMessages } from '../../lib/i18n';
import { calendarKey, deleteDecision, fetchDecisions, type Decision } from './calendar.api';
import { calendarMessages } from './calendar.i18n';
import { DecisionForm } from './DecisionForm';

type Editing = { readonly decision: Decision | null } | null;

/** The year's recorded decisions; system administrators add, change and delete them. */
export function DecisionsPanel({ year, canEdit }: { readonly year: number; readonly canEdit: boolean }) {
  const t = useMessages(calendarMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const client = useQueryClient();
  const [editing, setEditing] = useState<Editing>(null);
  const decisions = useQuery({
    queryKey: [...calendarKey, 'decisions', year],
    queryFn: () => fetchDecisions(year),
  });
  const refresh = () => client.invalidateQueries({ queryKey: calendarKey });
  const remove = useMutation({
    mutationFn: (day: string) => deleteDecision(day),
    onSuccess: async (_data, day) => {
      notifications.show({ color: 'green', message: fill(t.deleted, { day: formatDay(day) }) });
      await refresh();
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: common.errorTitle, message: error.message }),
  });
  const items = decisions.data?.items ?? [];

  return (
    <Stack component="section" aria-labelledby="decisions-title">
      <Group justify="space-between">
        <Title id="decisions-title" order={2} size="h3">
          {fill(t.decisionsTitle, { year })}
        </Title>
        {canEdit && <Button onClick={() => setEditing({ decision: null })}>{t.addDecision}</Button>}
      </Group>
      <Text size="sm" c="dimmed">
        {t.decisionsIntro}
      </Text>
      {decisions.isPending && <LoadingBlock />}
      {decisions.isError && <ErrorAlert error={decisions.error} />}
      {decisions.data && items.length === 0 && <EmptyBlock title={t.noDecisions} />}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing="sm">
            <caption className="visually-hidden">{fill(t.decisionsTitle, { year })}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t.date}</Table.Th>
                <Table.Th scope="col">{t.kind}</Table.Th>
                <Table.Th scope="col">{t.name}</Table.Th>
                <Table.Th scope="col">{t.legalBasis}</Table.Th>
                {canEdit && <Table.Th scope="col">{common.actions}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((decision) => (
                <Table.Tr key={decision.day}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(decision.day)}</Table.Td>
                  <Table.Td>
                    <Badge color={decision.kind === 'day_off' ? 'red' : 'blue'} variant="light" tt="none">
                      {decision.kind === 'day_off' ? t.kindDayOff : t.kindWorkingDay}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{pick(locale, { vi: decision.nameVi, en: decision.nameEn })}</Table.Td>
                  <Table.Td>{decision.legalBasis}</Table.Td>
                  {canEdit && (
                    <Table.Td>
                      <RowActions
                        name={formatDay(decision.day)}
                        onEdit={() => setEditing({ decision })}
                        remove={{
                          title: t.deleteTitle,
                          message: fill(t.deleteMessage, { day: formatDay(decision.day) }),
                          onConfirm: () => remove.mutateAsync(decision.day).catch(() => undefined),
                          loading: remove.isPending,
                        }}
                      />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <FormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.decision ? t.editDecision : t.addDecision}
        size="lg"
      >
        {editing && (
          <DecisionForm
            decision={editing.decision}
            year={year}
            onCancel={() => setEditing(null)}
            onDone={(saved) => {
              notifications.show({
                color: 'green',
                message: editing.decision ? common.saved : fill(t.created, { day: formatDay(saved.day) }),
              });
              setEditing(null);
              void refresh();
            }}
          />
        )}
      </FormModal>
    </Stack>
  );
}
