import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { commonMessages } from '../../components/common.i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, formatDay, todayInCity, weekdayOf } from '../../lib/format';
import { useLocale, useMessages } from '../../lib/i18n';
import { fetchDeadline } from './calendar.api';
import { calendarMessages, weekdayLong } from './calendar.i18n';

/** Start + N working days, computed by the server so the console and the API always agree. */
export function DeadlineCalculator() {
  const t = useMessages(calendarMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const [start, setStart] = useState(todayInCity());
  const [time, setTime] = useState('');
  const [days, setDays] = useState<number | string>(5);
  const [cutoff, setCutoff] = useState('');
  const compute = useMutation({
    // A time of receipt is a time in Vietnam; without one, the server takes the start of the day.
    mutationFn: () => fetchDeadline(time ? `${start}T${time}:00+07:00` : start, Number(days), cutoff || null),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (start && days !== '') compute.mutate();
  };
  const dayWithName = (day: string) => `${weekdayLong[locale][weekdayOf(day)]}, ${formatDay(day)}`;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="deadline-title">
      <Title id="deadline-title" order={2} size="h3" mb={4}>
        {t.deadlineTitle}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t.deadlineIntro}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
            <TextInput
              label={t.start}
              type="date"
              required
              value={start}
              onChange={(event) => setStart(event.currentTarget.value)}
              error={!start ? common.required : undefined}
            />
            <TextInput
              label={t.startTime}
              type="time"
              value={time}
              onChange={(event) => setTime(event.currentTarget.value)}
            />
            <NumberInput
              label={t.days}
              required
              min={0}
              max={1000}
              allowDecimal={false}
              allowNegative={false}
              value={days}
              onChange={setDays}
              error={days === '' ? common.required : undefined}
            />
            <TextInput
              label={t.cutoff}
              description={t.cutoffHint}
              type="time"
              value={cutoff}
              onChange={(event) => setCutoff(event.currentTarget.value)}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={compute.isPending}>
              {t.compute}
            </Button>
          </Group>
          {compute.isError && <ErrorAlert error={compute.error} />}
          {compute.data && (
            <Paper bg="blue.0" p="md" aria-live="polite">
              <dl
                style={{
                  margin: 0,
                  display: 'grid',
                  gridTemplateColumns: 'max-content 1fr',
                  gap: '4px 16px',
                }}
              >
                <dt>{t.clockStart}</dt>
                <dd style={{ margin: 0 }}>{dayWithName(compute.data.clockStartDay)}</dd>
                <dt>{t.deadlineDay}</dt>
                <dd style={{ margin: 0, fontWeight: 700 }}>{dayWithName(compute.data.deadlineDay)}</dd>
                <dt>{t.deadline}</dt>
                <dd style={{ margin: 0 }}>{formatDateTime(compute.data.deadline)}</dd>
              </dl>
            </Paper>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
