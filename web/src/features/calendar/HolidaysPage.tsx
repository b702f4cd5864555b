import { ActionIcon, Group, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { EmptyBlock, LoadingBlock } from '../../components/StatusBlocks';
import { ApiError } from '../../lib/api';
import { todayInCity } from '../../lib/format';
import { fill, useMessages } from '../../lib/i18n';
import { hasAnyRole } from '../auth/roles';
import { useSession } from '../auth/session';
import { calendarKey, fetchDaysOff } from './calendar.api';
import { calendarMessages } from './calendar.i18n';
import { DaysOffTable } from './DaysOffTable';
import { DeadlineCalculator } from './DeadlineCalculator';
import { DecisionsPanel } from './DecisionsPanel';
import { YearCalendar } from './YearCalendar';

export function HolidaysPage() {
  const t = useMessages(calendarMessages);
  const session = useSession();
  const canEdit = hasAnyRole(session.data?.user.grants, ['system_admin']);
  const [year, setYear] = useState(() => Number(todayInCity().slice(0, 4)));
  const daysOff = useQuery({
    queryKey: [...calendarKey, 'days-off', year],
    queryFn: () => fetchDaysOff(year),
    placeholderData: keepPreviousData,
  });
  const notThere = daysOff.error instanceof ApiError && daysOff.error.status === 404;

  return (
    <Stack gap="xl">
      <PageTitle
        title={t.title}
        description={t.intro}
        actions={
          <Group gap="xs" role="group" aria-label={t.year}>
            <ActionIcon variant="default" size="lg" onClick={() => setYear(year - 1)} aria-label={t.prevYear}>
              <span aria-hidden>‹</span>
            </ActionIcon>
            <Text fw={700} fz="lg" miw={56} ta="center" aria-live="polite">
              {year}
            </Text>
            <ActionIcon variant="default" size="lg" onClick={() => setYear(year + 1)} aria-label={t.nextYear}>
              <span aria-hidden>›</span>
            </ActionIcon>
          </Group>
        }
      />
      {daysOff.isPending && <LoadingBlock />}
      {daysOff.isError && <ErrorAlert error={notThere ? new Error(t.unavailable) : daysOff.error} />}
      {daysOff.data && (
        <>
          <Stack component="section" aria-labelledby="days-off-title">
            <Title id="days-off-title" order={2} size="h3">
              {fill(t.listTitle, { year: daysOff.data.year })}
            </Title>
            {daysOff.data.daysOff.length === 0 ? (
              <EmptyBlock title={t.noDaysOff} />
            ) : (
              <DaysOffTable year={daysOff.data.year} daysOff={daysOff.data.daysOff} />
            )}
          </Stack>
          <Stack component="section" aria-labelledby="calendar-title">
            <Title id="calendar-title" order={2} size="h3">
              {fill(t.calendarTitle, { year: daysOff.data.year })}
            </Title>
            <YearCalendar
              year={daysOff.data.year}
              daysOff={daysOff.data.daysOff}
              workingDays={daysOff.data.workingDays}
            />
          </Stack>
        </>
      )}
      <DecisionsPanel year={year} canEdit={canEdit} />
      <DeadlineCalculator />
    </Stack>
  );
}
