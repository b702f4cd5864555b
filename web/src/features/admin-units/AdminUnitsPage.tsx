import { Anchor, Breadcrumbs, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageControls } from '../../components/PageControls';
import { PageTitle } from '../../components/PageTitle';
import { EmptyBlock, LoadingBlock } from '../../components/StatusBlocks';
import { ApiError } from '../../lib/api';
import { todayInCity } from '../../lib/format';
import { pick, useLocale, useMessages } from '../../lib/i18n';
import { listAdminUnits, type AdminUnit } from './admin-units.api';
import { adminUnitLevels, adminUnitMessages, levelLabels, type AdminUnitLevel } from './admin-units.i18n';
import { AdminUnitsTable } from './AdminUnitsTable';

const LIMIT = 50;
const BEFORE_REFORM = '2025-06-30';
const AFTER_REFORM = '2025-07-01';

export function AdminUnitsPage() {
  const t = useMessages(adminUnitMessages);
  const { locale } = useLocale();
  const [at, setAt] = useState(todayInCity());
  const [level, setLevel] = useState<AdminUnitLevel | null>(null);
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 300);
  // The drill-down path from a province to the unit whose children are listed.
  const [path, setPath] = useState<AdminUnit[]>([]);
  const [offset, setOffset] = useState(0);
  const parent = path[path.length - 1];
  const query = {
    at: at || undefined,
    level: level ?? undefined,
    q: debouncedQ.trim() || undefined,
    parentCode: parent?.code,
    limit: LIMIT,
    offset,
  };
  const units = useQuery({
    queryKey: ['admin-units', query],
    queryFn: () => listAdminUnits(query),
    placeholderData: keepPreviousData,
  });
  const changeDate = (day: string) => {
    setAt(day);
    // A unit's children differ between the two structures, so a drill-down does not carry over.
    setPath([]);
    setOffset(0);
  };
  const notThere = units.error instanceof ApiError && units.error.status === 404;

  return (
    <Stack>
      <PageTitle title={t.title} description={t.intro} />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t.at}
          type="date"
          value={at}
          onChange={(event) => changeDate(event.currentTarget.value)}
          w={180}
        />
        <Group gap="xs" role="group" aria-label={t.quickDates}>
          <Button
            variant={at === BEFORE_REFORM ? 'filled' : 'default'}
            size="sm"
            onClick={() => changeDate(BEFORE_REFORM)}
            aria-pressed={at === BEFORE_REFORM}
          >
            {t.before}
          </Button>
          <Button
            variant={at === AFTER_REFORM ? 'filled' : 'default'}
            size="sm"
            onClick={() => changeDate(AFTER_REFORM)}
            aria-pressed={at === AFTER_REFORM}
          >
            {t.after}
          </Button>
          <Button variant="subtle" size="sm" onClick={() => changeDate(todayInCity())}>
            {t.today}
          </Button>
        </Group>
      </Group>
      <Group align="flex-end" gap="sm" wrap="wrap" role="search">
        <Select
          label={t.level}
          placeholder={t.anyLevel}
          data={adminUnitLevels.map((value) => ({ value, label: levelLabels[locale][value] }))}
          value={level}
          onChange={(value) => {
            setLevel(value as AdminUnitLevel | null);
            setOffset(0);
          }}
          clearable
          w={220}
        />
        <TextInput
          label={t.q}
          type="search"
          value={q}
          onChange={(event) => {
            setQ(event.currentTarget.value);
            setOffset(0);
          }}
          style={{ flex: '1 1 240px' }}
          maw={400}
        />
      </Group>
      {path.length > 0 && (
        <nav aria-label={t.path}>
          <Breadcrumbs separator="›">
            <Anchor
              component="button"
              type="button"
              onClick={() => {
                setPath([]);
                setOffset(0);
              }}
            >
              {t.all}
            </Anchor>
            {path.map((unit, index) =>
              index === path.length - 1 ? (
                <Text key={unit.code} aria-current="location" fw={500}>
                  {pick(locale, { vi: unit.nameVi, en: unit.nameEn })}
                </Text>
              ) : (
                <Anchor
                  key={unit.code}
                  component="button"
                  type="button"
                  onClick={() => {
                    setPath(path.slice(0, index + 1));
                    setOffset(0);
                  }}
                >
                  {pick(locale, { vi: unit.nameVi, en: unit.nameEn })}
                </Anchor>
              ),
            )}
          </Breadcrumbs>
        </nav>
      )}
      {units.isPending && <LoadingBlock />}
      {units.isError && <ErrorAlert error={notThere ? new Error(t.unavailable) : units.error} />}
      {units.data && units.data.items.length === 0 && <EmptyBlock title={t.empty} />}
      {units.data && units.data.items.length > 0 && (
        <>
          <AdminUnitsTable
            units={units.data.items}
            onOpen={(unit) => {
              setPath([...path, unit]);
              setLevel(null);
              setOffset(0);
            }}
          />
          <PageControls total={units.data.total} limit={LIMIT} offset={offset} onOffsetChange={setOffset} />
        </>
      )}
    </Stack>
  );
}
