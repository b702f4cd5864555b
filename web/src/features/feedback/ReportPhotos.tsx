import { Anchor, Image, SimpleGrid, Stack, Title } from '@mantine/core';
import { fill, useMessages } from '../../lib/i18n';
import type { Photo } from './feedback.api';
import { trackMessages } from './track.i18n';

/** The report's photos and the agency's fix photos (public copies, without EXIF), once published. */
export function ReportPhotos({ code, photos }: { readonly code: string; readonly photos: readonly Photo[] }) {
  const t = useMessages(trackMessages);
  if (photos.length === 0) return null;
  let reportIndex = 0;
  let fixIndex = 0;
  return (
    <Stack component="section" aria-labelledby="photos-title" gap="sm">
      <Title id="photos-title" order={2} size="h3">
        {t.photos}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
        {photos.map((photo) => {
          const n = photo.kind === 'fix' ? (fixIndex += 1) : (reportIndex += 1);
          const alt = fill(photo.kind === 'fix' ? t.fixPhotoAlt : t.photoAlt, { n, code });
          return (
            <Anchor key={photo.id} href={photo.url} target="_blank" rel="noopener">
              <Image src={photo.url} alt={alt} radius="sm" h={160} fit="cover" loading="lazy" />
            </Anchor>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
