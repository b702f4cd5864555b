import { Anchor, Image, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { formatDateTime } from '../../lib/format';
import { useMessages } from '../../lib/i18n';
import type { Photo } from './feedback-console.api';
import { detailMessages } from './report-detail.i18n';

/** The citizen's photos and the agency's photos of the fix (staff see them before publication). */
export function ReportPhotos({ photos }: { readonly photos: readonly Photo[] }) {
  const t = useMessages(detailMessages);
  return (
    <Stack component="section" aria-labelledby="report-photos" gap="sm">
      <Title id="report-photos" order={2} size="h4">
        {t.photos}
      </Title>
      {photos.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t.noPhotos}
        </Text>
      ) : (
        <SimpleGrid
          cols={{ base: 2, sm: 3 }}
          component="ul"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {photos.map((photo) => {
            const alt = `${photo.kind === 'fix' ? t.fixPhoto : t.reportPhoto}, ${formatDateTime(photo.createdAt)}`;
            return (
              <li key={photo.id}>
                <Anchor href={photo.url} target="_blank" rel="noreferrer">
                  <Image src={photo.url} alt={alt} radius="sm" h={140} fit="cover" loading="lazy" />
                </Anchor>
                <Text size="xs" c="dimmed" mt={2}>
                  {alt}
                </Text>
              </li>
            );
          })}
        </SimpleGrid>
      )}
    </Stack>
  );
}
