import { ActionIcon, Button, FileButton, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { fill, useMessages } from '../../lib/i18n';
import { checkPhotos, PHOTO_TYPES, type PhotoProblem } from './photo-check';
import { submitMessages } from './submit.i18n';

const problemKey: Record<PhotoProblem, 'photoType' | 'photoSize' | 'photoCount'> = {
  type: 'photoType',
  size: 'photoSize',
  count: 'photoCount',
};

/** Chooses up to five photos, refusing wrong types and sizes at once, with a way to take one back. */
export function PhotoPicker({
  files,
  onChange,
}: {
  readonly files: readonly File[];
  readonly onChange: (next: File[]) => void;
}) {
  const t = useMessages(submitMessages);
  const [refused, setRefused] = useState<string[]>([]);

  const add = (chosen: File[]) => {
    const result = checkPhotos(files, chosen);
    onChange(result.accepted);
    setRefused(result.refused.map((item) => fill(t[problemKey[item.problem]], { name: item.name })));
  };

  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed" id="photos-hint">
        {t.photosHint}
      </Text>
      <FileButton onChange={add} accept={PHOTO_TYPES.join(',')} multiple>
        {(props) => (
          <Button {...props} variant="default" w="fit-content" aria-describedby="photos-hint">
            {t.choosePhotos}
          </Button>
        )}
      </FileButton>
      {files.length > 0 && (
        <List size="sm" spacing={4}>
          {files.map((file, index) => (
            <List.Item key={`${file.name}-${index}`}>
              <Group gap="xs" wrap="nowrap">
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {file.name} ({Math.max(1, Math.round(file.size / 1024))} KB)
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="sm"
                  aria-label={fill(t.removePhoto, { name: file.name })}
                  onClick={() => onChange(files.filter((_, i) => i !== index))}
                >
                  ×
                </ActionIcon>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {refused.length > 0 && (
        <List size="sm" c="red.8" role="alert">
          {refused.map((message) => (
            <List.Item key={message}>{message}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
