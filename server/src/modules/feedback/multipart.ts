import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/http/app-error';
import { feedbackErrors } from './feedback.errors';
import { PHOTO_MAX_BYTES, PHOTOS_PER_REPORT } from './photo-processing';
import type { UploadedFile } from './photos.service';

/** Multipart parsing for photo uploads only, limited before anything is buffered. */
export async function installMultipart(app: FastifyInstance): Promise<void> {
  await app.register(multipart, {
    limits: {
      fileSize: PHOTO_MAX_BYTES,
      files: PHOTOS_PER_REPORT,
      fields: 5,
      parts: PHOTOS_PER_REPORT + 5,
      fieldSize: 2000,
      headerPairs: 100,
    },
  });
}

const limitErrors: Record<string, AppError> = {
  FST_REQ_FILE_TOO_LARGE: new AppError(
    feedbackErrors.PHOTO_TOO_LARGE,
    {},
    { maxMegabytes: PHOTO_MAX_BYTES / 1048576 },
  ),
  FST_FILES_LIMIT: new AppError(feedbackErrors.TOO_MANY_PHOTOS, {}, { max: PHOTOS_PER_REPORT }),
  FST_PARTS_LIMIT: new AppError(feedbackErrors.TOO_MANY_PHOTOS, {}, { max: PHOTOS_PER_REPORT }),
};

/** Reads every file part into memory (each at most 10 MB, at most five) and the text fields. */
export async function readUpload(
  request: FastifyRequest,
): Promise<{ files: UploadedFile[]; fields: Record<string, string> }> {
  if (!request.isMultipart()) throw new AppError(feedbackErrors.NOT_MULTIPART);
  const files: UploadedFile[] = [];
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') files.push({ data: await part.toBuffer(), fileName: part.filename });
      else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
    }
  } catch (error) {
    const known = limitErrors[(error as { code?: string }).code ?? ''];
    if (known) throw known;
    throw new AppError(feedbackErrors.PHOTO_UNREADABLE, { reason: (error as Error).message });
  }
  return { files, fields };
}
