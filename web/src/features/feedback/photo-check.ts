/** What the server accepts (docs/feedback.md): JPEG, PNG or WebP, 10 MB each, 5 per report. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
export const PHOTO_MAX_COUNT = 5;

export type PhotoProblem = 'type' | 'size' | 'count';

export interface CheckedPhotos<F> {
  readonly accepted: F[];
  readonly refused: { readonly name: string; readonly problem: PhotoProblem }[];
}

/**
 * Sorts chosen files into those that may be sent and those refused, so the citizen hears why before
 * waiting for an upload. The server checks again by magic bytes: the browser's type is only a hint.
 */
export function checkPhotos<F extends { name: string; type: string; size: number }>(
  already: readonly F[],
  chosen: readonly F[],
): CheckedPhotos<F> {
  const accepted = [...already];
  const refused: { name: string; problem: PhotoProblem }[] = [];
  for (const file of chosen) {
    if (!(PHOTO_TYPES as readonly string[]).includes(file.type))
      refused.push({ name: file.name, problem: 'type' });
    else if (file.size > PHOTO_MAX_BYTES) refused.push({ name: file.name, problem: 'size' });
    else if (accepted.length >= PHOTO_MAX_COUNT) refused.push({ name: file.name, problem: 'count' });
    else accepted.push(file);
  }
  return { accepted, refused };
}
