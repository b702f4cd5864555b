import { Alert, Button, CopyButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../lib/format';
import { fill, useMessages } from '../../lib/i18n';
import { uploadPhotos, type Submitted } from './feedback.api';
import { submitMessages } from './submit.i18n';

/**
 * The tracking code, large, with the way to follow the report. Photos are sent now, with the owner
 * token: the report is already stored, so a refused photo never loses it (the error says so).
 */
export function SubmittedPanel({
  submitted,
  photos,
  onAnother,
}: {
  readonly submitted: Submitted;
  readonly photos: readonly File[];
  readonly onAnother: () => void;
}) {
  const t = useMessages(submitMessages);
  const heading = useRef<HTMLHeadingElement>(null);
  const upload = useMutation({
    mutationFn: () => uploadPhotos(submitted.trackingCode, submitted.ownerToken, photos),
  });
  const { mutate } = upload;
  // Once per report, even when React runs effects twice (StrictMode in development).
  const uploadStarted = useRef(false);
  useEffect(() => {
    heading.current?.focus();
    if (photos.length === 0 || uploadStarted.current) return;
    uploadStarted.current = true;
    mutate();
  }, [photos.length, mutate]);
  const trackPath = `/feedback/reports/${encodeURIComponent(submitted.trackingCode)}`;

  return (
    <Paper withBorder p="lg" radius="md" role="status" aria-live="polite">
      <Stack gap="md">
        <Title order={2} size="h3" ref={heading} tabIndex={-1}>
          {t.doneTitle}
        </Title>
        <Stack gap={4}>
          <Text size="sm" c="dimmed" id="done-code-label">
            {t.doneCode}
          </Text>
          <Group gap="sm" align="center">
            <Text
              fz={{ base: 28, sm: 36 }}
              fw={800}
              ff="monospace"
              c="blue.9"
              aria-labelledby="done-code-label"
              data-testid="tracking-code"
            >
              {submitted.trackingCode}
            </Text>
            <CopyButton value={submitted.trackingCode}>
              {({ copied, copy }) => (
                <Button size="compact-sm" variant="light" onClick={copy}>
                  {copied ? t.copied : t.copyCode}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Stack>
        <Text>{t.doneKeep}</Text>
        {submitted.dueAt && <Text>{fill(t.doneDue, { date: formatDateTime(submitted.dueAt) })}</Text>}
        {submitted.isAnonymous && <Text c="dimmed">{t.doneAnonymous}</Text>}
        {upload.isPending && <Text size="sm">{t.photosUploading}</Text>}
        {upload.isSuccess && (
          <Alert color="green" variant="light">
            {fill(t.photosUploaded, { n: upload.data.length })}
          </Alert>
        )}
        {upload.isError && <ErrorAlert error={upload.error} title={t.photosFailed} />}
        <Group gap="sm">
          <Button component={Link} to={trackPath}>
            {t.doneTrack}
          </Button>
          <Button variant="default" onClick={onAnother}>
            {t.doneAnother}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
