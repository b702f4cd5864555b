import sharp from 'sharp';
import { AppError } from '../../platform/http/app-error';
import { feedbackErrors } from './feedback.errors';

export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
export const PHOTOS_PER_REPORT = 5;
// Published copies are for the board and messages; the original keeps the full resolution.
const PUBLIC_MAX_EDGE = 2048;
// A small file may still decode to a huge bitmap (a decompression bomb).
const MAX_INPUT_PIXELS = 50_000_000;

export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp';

/** The image type by its first bytes, never by the file name or the declared type. */
export function sniffImageType(data: Buffer): PhotoType | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (data.length >= 8 && png.every((byte, index) => data[index] === byte)) return 'image/png';
  if (
    data.length >= 12 &&
    data.toString('latin1', 0, 4) === 'RIFF' &&
    data.toString('latin1', 8, 12) === 'WEBP'
  )
    return 'image/webp';
  return null;
}

export interface PublishableCopy {
  readonly data: Buffer;
  readonly width: number;
  readonly height: number;
}

/**
 * The copy anyone may see: decoded and re-encoded by sharp, which writes no metadata unless asked, so
 * EXIF (the camera's GPS position, owner, serial number), XMP and IPTC are gone. Orientation is applied
 * to the pixels first so the photo still shows the right way up.
 */
export async function publishableCopy(data: Buffer, type: PhotoType): Promise<PublishableCopy> {
  try {
    let image = sharp(data, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize({ width: PUBLIC_MAX_EDGE, height: PUBLIC_MAX_EDGE, fit: 'inside', withoutEnlargement: true });
    if (type === 'image/jpeg') image = image.jpeg({ quality: 85, mozjpeg: true });
    else if (type === 'image/png') image = image.png({ compressionLevel: 9 });
    else image = image.webp({ quality: 85 });
    const { data: output, info } = await image.toBuffer({ resolveWithObject: true });
    return { data: output, width: info.width, height: info.height };
  } catch {
    throw new AppError(feedbackErrors.PHOTO_UNREADABLE);
  }
}

export function extensionOf(type: PhotoType): string {
  return type === 'image/jpeg' ? 'jpg' : type === 'image/png' ? 'png' : 'webp';
}
