import { Anchor, Table, Text } from '@mantine/core';
import { formatDay } from '../../lib/format';
import { fill, pick, useLocale, useMessages } from '../../lib/i18n';
import type { AdminUnit } from './admin-units.api';
import { adminUnitMessages, levelLabels } from './admin-units.i18n';

export function AdminUnitsTable({
  units,
  onOpen,
}: {
  readonly units: readonly AdminUnit[];
  readonly onOpen: (unit: AdminUnit) => void;
}) {
  const t = useMessages(adminUnitMessages);
  const { locale } = useLocale();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing="sm">
        <caption className="visually-hidden">{t.listLabel}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.code}</Table.Th>
            <Table.Th scope="col">{t.name}</Table.Th>
            <Table.Th scope="col">{t.level}</Table.Th>
            <Table.Th scope="col">{t.parent}</Table.Th>
            <Table.Th scope="col">{t.validity}</Table.Th>
            <Table.Th scope="col">{t.source}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {units.map((unit) => {
            const name = pick(locale, { vi: unit.nameVi, en: unit.nameEn });
            return (
              <Table.Tr key={`${unit.code}-${unit.validFrom}`}>
                <Table.Td>
                  <code>{unit.code}</code>
                </Table.Td>
                <Table.Td>
                  {unit.level === 'province' || unit.level === 'district' ? (
                    <Anchor
                      component="button"
                      type="button"
                      onClick={() => onOpen(unit)}
                      title={t.children}
                      fw={500}
                    >
                      {name}
                    </Anchor>
                  ) : (
                    name
                  )}
                </Table.Td>
                <Table.Td>{levelLabels[locale][unit.level]}</Table.Td>
                <Table.Td>{unit.parentCode ?? '—'}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {unit.validTo
                    ? fill(t.fromTo, { from: formatDay(unit.validFrom), to: formatDay(unit.validTo) })
                    : fill(t.from, { from: formatDay(unit.validFrom) })}
                </Table.Td>
                <Table.Td maw={280}>
                  <Text size="xs" c="dimmed" lineClamp={2} title={unit.source ?? ''}>
                    {unit.source ?? ''}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
