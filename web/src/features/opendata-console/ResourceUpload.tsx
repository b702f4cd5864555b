import {
  Button,
  FileInput,
  Group,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrorsOf } from '../../lib/forms';
import { fill, useMessages } from '../../lib/i18n';
import type { CkanResource } from '../opendata/opendata.types';
import { uploadResource } from './publish.api';
import { publishMessages } from './publish.i18n';

/** "dan-so.csv" → "CSV"; the publisher may correct it. */
function formatOf(fileName: string): string {
  const match = /\.([a-z0-9]+)$/i.exec(fileName);
  return match?.[1]?.toUpperCase() ?? '';
}

/** Adds a file to the dataset, with a progress bar while it is sent; the server then loads it. */
export function ResourceUpload({
  packageId,
  onUploaded,
}: {
  readonly packageId: string;
  readonly onUploaded: (resource: CkanResource) => void;
}) {
  const t = useMessages(publishMessages);
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [format, setFormat] = useState('');
  const [description, setDescription] = useState('');
  const [progress, setProgress] = useState(0);
  const [checked, setChecked] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const upload = useMutation({
    mutationFn: (chosen: File) => {
      abort.current = new AbortController();
      setProgress(0);
      return uploadResource(
        { packageId, file: chosen, name: name.trim() || chosen.name, format: format.trim(), description },
        setProgress,
        abort.current.signal,
      );
    },
    onSuccess: (resource) => {
      notifications.show({ color: 'green', message: fill(t.uploaded, { name: resource.name ?? '' }) });
      setFile(null);
      setName('');
      setFormat('');
      setDescription('');
      setChecked(false);
      onUploaded(resource);
    },
  });
  const server = fieldErrorsOf(upload.error);
  const cancelled = (upload.error as { name?: string } | null)?.name === 'AbortError';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (file) upload.mutate(file);
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t.uploadTitle}>
      <Stack gap="sm">
        {upload.isError && !cancelled && (
          <ErrorAlert
            error={upload.error}
            title={t.uploadFailed}
            shownFields={['upload', 'name', 'format']}
          />
        )}
        <FileInput
          label={t.fileLabel}
          description={t.fileHint}
          placeholder={t.filePlaceholder}
          required
          value={file}
          onChange={(chosen) => {
            setFile(chosen);
            if (chosen) {
              setName(chosen.name);
              setFormat(formatOf(chosen.name));
            }
          }}
          error={checked && !file ? t.chooseFile : server.upload}
          clearable
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t.resourceName}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={server.name}
          />
          <TextInput
            label={t.resourceFormat}
            value={format}
            onChange={(event) => setFormat(event.currentTarget.value)}
            error={server.format}
          />
        </SimpleGrid>
        <Textarea
          label={t.resourceDescription}
          autosize
          minRows={2}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
        />
        {upload.isPending && (
          <Stack gap={4} role="status" aria-live="polite">
            <Text size="sm">{fill(t.uploading, { percent: progress })}</Text>
            <Progress value={progress} aria-label={t.uploadProgress} />
          </Stack>
        )}
        <Group justify="flex-end">
          {upload.isPending && (
            <Button variant="default" onClick={() => abort.current?.abort()}>
              {t.cancelUpload}
            </Button>
          )}
          <Button type="submit" loading={upload.isPending}>
            {t.uploadButton}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
