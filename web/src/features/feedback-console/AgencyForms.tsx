import { Alert, Button, FileInput, Group, NumberInput, Stack, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { commonMessages } from '../../components/common.i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { textOrNull } from '../../lib/forms';
import { fill, useMessages } from '../../lib/i18n';
import { ActionPanel } from './ActionPanel';
import { uploadPhotos, type StaffReport } from './feedback-console.api';
import { detailMessages } from './report-detail.i18n';
import { useReportAction } from './useReportAction';

const MAX_FIX_PHOTOS = 5;

export function AcceptForm({ report }: { readonly report: StaffReport }) {
  const t = useMessages(detailMessages);
  const [note, setNote] = useState('');
  const action = useReportAction(report);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    action.mutate({ kind: 'accept', body: { note: textOrNull(note) } });
  };
  return (
    <ActionPanel id="accept" title={t.acceptTitle} hint={t.acceptHint}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          {action.isError && <ErrorAlert error={action.error} />}
          <Group align="flex-end" gap="sm">
            <TextInput label={t.note} value={note} onChange={(e) => setNote(e.currentTarget.value)} w={360} />
            <Button type="submit" loading={action.isPending}>
              {t.accept}
            </Button>
          </Group>
        </Stack>
      </form>
    </ActionPanel>
  );
}

/** The answer and photos of the fix; photos go up first, so an answer never refers to missing ones. */
export function RespondForm({ report }: { readonly report: StaffReport }) {
  const t = useMessages(detailMessages);
  const common = useMessages(commonMessages);
  const [answer, setAnswer] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [checked, setChecked] = useState(false);
  const action = useReportAction(report, async () => {
    if (files.length === 0) return;
    await uploadPhotos(report.id, files);
    // Stored: a retry of the answer must not upload them twice.
    setFiles([]);
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (answer.trim()) action.mutate({ kind: 'respond', body: { answer: answer.trim() } });
  };
  return (
    <ActionPanel id="respond" title={t.respondTitle}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {report.reviewNote && report.status === 'in_progress' && (
            <Alert color="orange" variant="light">
              {fill(t.sentBackNote, { note: report.reviewNote })}
            </Alert>
          )}
          {action.isError && <ErrorAlert error={action.error} />}
          <Textarea
            label={t.answerText}
            required
            autosize
            minRows={4}
            maxLength={8000}
            value={answer}
            onChange={(e) => setAnswer(e.currentTarget.value)}
            error={checked && !answer.trim() ? common.required : undefined}
          />
          <FileInput
            label={t.fixPhotos}
            description={t.fixPhotosHint}
            multiple
            clearable
            accept="image/jpeg,image/png,image/webp"
            value={files}
            onChange={(picked) => setFiles(picked.slice(0, MAX_FIX_PHOTOS))}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={action.isPending}>
              {t.respond}
            </Button>
          </Group>
        </Stack>
      </form>
    </ActionPanel>
  );
}

export function ExtensionRequestForm({ report }: { readonly report: StaffReport }) {
  const t = useMessages(detailMessages);
  const common = useMessages(commonMessages);
  const [days, setDays] = useState<number | string>(3);
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const action = useReportAction(report);
  if (report.extension)
    return (
      <ActionPanel id="extension-request" title={t.requestExtensionTitle}>
        <Alert color="yellow" variant="light">
          {fill(t.extensionPending, { days: report.extension.days, reason: report.extension.reason })}
        </Alert>
      </ActionPanel>
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (reason.trim() && typeof days === 'number')
      action.mutate({ kind: 'requestExtension', body: { days, reason: reason.trim() } });
  };
  return (
    <ActionPanel id="extension-request" title={t.requestExtensionTitle}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {action.isError && <ErrorAlert error={action.error} />}
          <NumberInput
            label={t.extensionDays}
            required
            min={1}
            max={30}
            allowDecimal={false}
            allowNegative={false}
            value={days}
            onChange={setDays}
            error={checked && typeof days !== 'number' ? common.required : undefined}
            w={200}
          />
          <TextInput
            label={t.extensionReason}
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={checked && !reason.trim() ? common.required : undefined}
          />
          <Group justify="flex-end">
            <Button type="submit" variant="light" loading={action.isPending}>
              {t.requestExtension}
            </Button>
          </Group>
        </Stack>
      </form>
    </ActionPanel>
  );
}

export function ReturnForm({ report }: { readonly report: StaffReport }) {
  const t = useMessages(detailMessages);
  const common = useMessages(commonMessages);
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const action = useReportAction(report);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (reason.trim()) action.mutate({ kind: 'return', body: { reason: reason.trim() } });
  };
  return (
    <ActionPanel id="return" title={t.returnTitle}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {action.isError && <ErrorAlert error={action.error} />}
          <TextInput
            label={t.returnReason}
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={checked && !reason.trim() ? common.required : undefined}
          />
          <Group justify="flex-end">
            <Button type="submit" color="orange" variant="light" loading={action.isPending}>
              {t.returnAction}
            </Button>
          </Group>
        </Stack>
      </form>
    </ActionPanel>
  );
}
