import { Button, Group, NumberInput, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { commonMessages } from '../../components/common.i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/StatusBlocks';
import { fill, pick, useLocale, useMessages } from '../../lib/i18n';
import { hasAnyRole } from '../auth/roles';
import { useSession } from '../auth/session';
import { consoleMessages } from './feedback-console.i18n';
import { feedbackKey, updateCategory, type Category } from './feedback-console.api';
import { useCategories } from './feedback-console.hooks';

function CategoryRow({ category, editable }: { readonly category: Category; readonly editable: boolean }) {
  const t = useMessages(consoleMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const client = useQueryClient();
  const name = pick(locale, { vi: category.nameVi, en: category.nameEn });
  const [days, setDays] = useState<number | string>(category.deadlineWorkingDays);
  const [active, setActive] = useState(category.active);
  const changed = days !== category.deadlineWorkingDays || active !== category.active;
  const save = useMutation({
    mutationFn: () => updateCategory(category.code, { deadlineWorkingDays: Number(days), active }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: fill(t.categorySaved, { name }) });
      await client.invalidateQueries({ queryKey: [...feedbackKey, 'categories'] });
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: common.errorTitle, message: error.message }),
  });
  if (!editable)
    return (
      <Table.Tr>
        <Table.Td>{name}</Table.Td>
        <Table.Td>{category.deadlineWorkingDays}</Table.Td>
        <Table.Td>{category.active ? common.yes : common.no}</Table.Td>
        <Table.Td />
      </Table.Tr>
    );
  return (
    <Table.Tr>
      <Table.Td>{name}</Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={`${t.deadlineDays}: ${name}`}
          min={1}
          max={60}
          allowDecimal={false}
          allowNegative={false}
          value={days}
          onChange={setDays}
          w={100}
        />
      </Table.Td>
      <Table.Td>
        <Switch
          aria-label={`${t.activeLabel}: ${name}`}
          checked={active}
          onChange={(event) => setActive(event.currentTarget.checked)}
        />
      </Table.Td>
      <Table.Td>
        <Button
          size="xs"
          variant="light"
          disabled={!changed || typeof days !== 'number'}
          loading={save.isPending}
          onClick={() => save.mutate()}
          aria-label={`${common.save}: ${name}`}
        >
          {common.save}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

/** Each category's deadline in working days; system administrators may change it (the API's rule). */
export function CategoryDeadlines() {
  const t = useMessages(consoleMessages);
  const common = useMessages(commonMessages);
  const categories = useCategories();
  const editable = hasAnyRole(useSession().data?.user.grants, ['system_admin']);
  return (
    <Stack component="section" aria-labelledby="category-deadlines">
      <Title id="category-deadlines" order={2} size="h3">
        {t.categoriesTitle}
      </Title>
      <Text size="sm" c="dimmed">
        {t.categoriesHint} {editable ? '' : t.categoriesReadOnly}
      </Text>
      {categories.isPending && <LoadingBlock />}
      {categories.isError && <ErrorAlert error={categories.error} />}
      {categories.data && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped verticalSpacing="xs">
            <caption className="visually-hidden">{t.categoriesTitle}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t.category}</Table.Th>
                <Table.Th scope="col">{t.deadlineDays}</Table.Th>
                <Table.Th scope="col">{t.activeLabel}</Table.Th>
                <Table.Th scope="col">
                  <Group gap={0}>
                    <span className="visually-hidden">{common.actions}</span>
                  </Group>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {categories.data.map((category) => (
                <CategoryRow
                  key={`${category.code}-${category.updatedAt}`}
                  category={category}
                  editable={editable}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
