import { Alert, Button, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { commonMessages } from '../../components/common.i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { textOrNull } from '../../lib/forms';
import { fill, useMessages } from '../../lib/i18n';
import { ActionPanel } from './ActionPanel';
import type { StaffReport } from './feedback-console.api';
import { detailMessages } from './report-detail.i18n';
import { useReportAction } from './useReportAction';

/** The hub reviews the agency's answer: publish it (edited if needed) or send it back with a note. */
export function ReviewForm({ report }: { readonly report: StaffReport }) {
  const t = useMessages(detailMessages);
  const common = useMessages(commonMessages);
  const [answer, setAnswer] = useState(report.answer ?? '');
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const action = useReportAction(report);
  const approve = () => {
    const edited = answer.trim();
    action.mutate({
      kind: 'review',
      body: {
        decision: 'approve',
        // Only an edit is sent: the server publishes the agency's own words otherwise.
        answer: edited && edited !== report.answer ? edited : null,
        note: textOrNull(note),
      },
    });
  };
  const sendBack = () => {
    setNoteMissing(!note.trim());
    if (note.trim()) action.mutate({ kind: 'review', body: { decision: 'send_back', note: note.trim() } });
  };
  return (
    <ActionPanel id="review" title={t.reviewTitle}>
      <Stack gap="sm">
        {action.isError && <ErrorAlert error={action.error} />}
        <Textarea
          label={t.reviewAnswer}
          autosize
          minRows={4}
          maxLength={8000}
          value={answer}
          onChange={(e) => setAnswer(e.currentTarget.value)}
        />
        <TextInput
          label={t.sendBackNote}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={noteMissing ? common.required : undefined}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={sendBack} loading={action.isPending}>
            {t.sendBack}
          </Button>
          <Button color="teal" onClick={approve} loading={action.isPending}>
            {t.approve}
          </Button>
        </Group>
      </Stack>
    </ActionPanel>
  );
}

/** An agency asked for more working days: the hub agrees (the deadline moves) or refuses. */
export function ExtensionDecisionForm({ report }: { readonly report: StaffReport }) {
  const t = useMessages(detailMessages);
  const [note, setNote] = useState('');
  const action = useReportAction(report);
  if (!report.extension) return null;
  const decide = (approve: boolean) =>
    action.mutate({ kind: 'decideExtension', body: { approve, note: textOrNull(note) } });
  return (
    <ActionPanel id="extension-decision" title={t.extensionTitle}>
      <Stack gap="sm">
        <Alert color="yellow" variant="light">
          {fill(t.extensionPending, { days: report.extension.days, reason: report.extension.reason })}
        </Alert>
        {action.isError && <ErrorAlert error={action.error} />}
        <TextInput label={t.note} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => decide(false)} loading={action.isPending}>
            {t.denyExtension}
          </Button>
          <Button onClick={() => decide(true)} loading={action.isPending}>
            {t.approveExtension}
          </Button>
        </Group>
      </Stack>
    </ActionPanel>
  );
}
