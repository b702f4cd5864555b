import { Autocomplete, Button, Group, Paper, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useLocale, useMessages } from '../../lib/i18n';
import { emptyAuditFilter, type AuditFilter } from './audit.api';
import { actionLabels, actionPrefixes, auditMessages } from './audit.i18n';

/** The filter form: edits a draft, applies it on submit so typing does not fire a query per key. */
export function AuditFilters({
  value,
  onApply,
  actors,
}: {
  readonly value: AuditFilter;
  readonly onApply: (filter: AuditFilter) => void;
  readonly actors: ReadonlyMap<string, string>;
}) {
  const t = useMessages(auditMessages);
  const { locale } = useLocale();
  const [draft, setDraft] = useState(value);
  const set = (key: keyof AuditFilter) => (next: string) =>
    setDraft((current) => ({ ...current, [key]: next }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const actionOptions = [...actionPrefixes, ...Object.keys(actionLabels[locale])];
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} role="search" aria-label={t.filters}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <Autocomplete
            label={t.action}
            description={t.actionHint}
            data={actionOptions}
            value={draft.action}
            onChange={set('action')}
          />
          <TextInput
            label={t.targetType}
            description="agency, user, api_token…"
            value={draft.targetType}
            onChange={(event) => set('targetType')(event.currentTarget.value)}
          />
          <Select
            label={t.actor}
            description=" "
            placeholder={t.anyActor}
            data={[...actors].map(([id, name]) => ({ value: id, label: name }))}
            value={draft.actorId || null}
            onChange={(next) => set('actorId')(next ?? '')}
            clearable
            searchable
          />
          <TextInput
            label={t.q}
            description={t.qHint}
            value={draft.q}
            onChange={(event) => set('q')(event.currentTarget.value)}
          />
          <TextInput
            label={t.from}
            type="date"
            value={draft.from}
            max={draft.to || undefined}
            onChange={(event) => set('from')(event.currentTarget.value)}
          />
          <TextInput
            label={t.to}
            type="date"
            value={draft.to}
            min={draft.from || undefined}
            onChange={(event) => set('to')(event.currentTarget.value)}
          />
          <TextInput
            label={t.targetId}
            value={draft.targetId}
            onChange={(event) => set('targetId')(event.currentTarget.value)}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit">{t.apply}</Button>
          <Button
            variant="default"
            onClick={() => {
              setDraft(emptyAuditFilter);
              onApply(emptyAuditFilter);
            }}
          >
            {t.reset}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
