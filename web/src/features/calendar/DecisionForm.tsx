import { Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { commonMessages } from '../../components/common.i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrorsOf, textOrNull } from '../../lib/forms';
import { useMessages } from '../../lib/i18n';
import { createDecision, updateDecision, type Decision, type DecisionKind } from './calendar.api';
import { calendarMessages } from './calendar.i18n';

export function DecisionForm({
  decision,
  year,
  onDone,
  onCancel,
}: {
  readonly decision: Decision | null;
  readonly year: number;
  readonly onDone: (saved: Decision) => void;
  readonly onCancel: () => void;
}) {
  const t = useMessages(calendarMessages);
  const common = useMessages(commonMessages);
  const [day, setDay] = useState(decision?.day ?? '');
  const [kind, setKind] = useState<DecisionKind>(decision?.kind ?? 'day_off');
  const [nameVi, setNameVi] = useState(decision?.nameVi ?? '');
  const [nameEn, setNameEn] = useState(decision?.nameEn ?? '');
  const [legalBasis, setLegalBasis] = useState(decision?.legalBasis ?? '');
  const [sourceUrl, setSourceUrl] = useState(decision?.sourceUrl ?? '');
  const [checked, setChecked] = useState(false);
  const fields = {
    kind,
    nameVi: nameVi.trim(),
    nameEn: textOrNull(nameEn),
    legalBasis: legalBasis.trim(),
    sourceUrl: textOrNull(sourceUrl),
  };
  const save = useMutation({
    mutationFn: () => (decision ? updateDecision(decision.day, fields) : createDecision({ day, ...fields })),
    onSuccess: onDone,
  });
  const server = fieldErrorsOf(save.error);
  const missing = (value: string) => (checked && !value.trim() ? common.required : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!day || !nameVi.trim() || !legalBasis.trim()) return;
    save.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {common.requiredHint}
        </Text>
        {save.isError && (
          <ErrorAlert
            error={save.error}
            shownFields={['day', 'kind', 'nameVi', 'nameEn', 'legalBasis', 'sourceUrl']}
          />
        )}
        <TextInput
          label={t.date}
          type="date"
          required
          disabled={decision !== null}
          min={`${year - 1}-01-01`}
          max={`${year + 1}-12-31`}
          value={day}
          onChange={(event) => setDay(event.currentTarget.value)}
          error={missing(day) ?? server.day}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="decision-kind">
            {t.kind}
          </Text>
          <SegmentedControl
            aria-labelledby="decision-kind"
            value={kind}
            onChange={(value) => setKind(value === 'working_day' ? 'working_day' : 'day_off')}
            data={[
              { value: 'day_off', label: t.kindDayOff },
              { value: 'working_day', label: t.kindWorkingDay },
            ]}
          />
        </Stack>
        <TextInput
          label={t.nameVi}
          required
          value={nameVi}
          onChange={(event) => setNameVi(event.currentTarget.value)}
          error={missing(nameVi) ?? server.nameVi}
        />
        <TextInput
          label={t.nameEn}
          value={nameEn}
          onChange={(event) => setNameEn(event.currentTarget.value)}
          error={server.nameEn}
        />
        <TextInput
          label={t.legalBasis}
          description={t.legalBasisHint}
          required
          value={legalBasis}
          onChange={(event) => setLegalBasis(event.currentTarget.value)}
          error={missing(legalBasis) ?? server.legalBasis}
        />
        <TextInput
          label={t.sourceUrl}
          type="url"
          description="https://…"
          value={sourceUrl}
          onChange={(event) => setSourceUrl(event.currentTarget.value)}
          error={server.sourceUrl}
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
