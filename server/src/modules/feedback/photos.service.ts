import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Principal } from '../../platform/auth/principal';
import { hashSecret } from '../../platform/auth/secrets';
import { AppError } from '../../platform/http/app-error';
import { assertHolds, canRead, isHub } from './feedback.access';
import type { FeedbackContext } from './feedback.context';
import { feedbackErrors } from './feedback.errors';
import {
  extensionOf,
  PHOTOS_PER_REPORT,
  publishableCopy,
  sniffImageType,
  type PhotoType,
} from './photo-processing';
import type { Photo, PhotoKind } from './photos.repo';
import type { Report } from './report.model';

/** A file read from a multipart upload, already held to the size limit. */
export interface UploadedFile {
  readonly data: Buffer;
  readonly fileName: string;
}

// Citizens add photos while the hub has not routed the report yet; later photos come from staff.
const CITIZEN_PHOTO_STATUSES = ['received', 'classified'];

/**
 * Report photos: the original is kept private in the blob store, the public copy is re-encoded
 * without metadata. Only the public copy of a published report is ever served to the public.
 */
export class PhotosService {
  constructor(private readonly ctx: FeedbackContext) {}

  async addByCitizen(code: string, token: string, files: readonly UploadedFile[]): Promise<Photo[]> {
    const report = await this.#byCode(code);
    if (!(await this.ctx.citizens.tokenValid(report.id, hashSecret(token))))
      throw new AppError(feedbackErrors.TOKEN_INVALID);
    if (!CITIZEN_PHOTO_STATUSES.includes(report.status)) throw new AppError(feedbackErrors.PHOTOS_CLOSED);
    return this.#store(report, 'report', files, null);
  }

  /** Operators add the caller's photos; agencies add photos of the fix. */
  async addByStaff(principal: Principal, reportId: string, files: readonly UploadedFile[]): Promise<Photo[]> {
    const report = await this.#byId(reportId);
    if (isHub(principal)) return this.#store(report, 'report', files, principal.userId);
    assertHolds(principal, report);
    return this.#store(report, 'fix', files, principal.userId);
  }

  list(reportId: string): Promise<Photo[]> {
    return this.ctx.photos.forReport(reportId);
  }

  /** The metadata-free copy: public once the report is published, to staff who may read it before. */
  async publicCopy(id: string, principal: Principal | null): Promise<{ photo: Photo; stream: Readable }> {
    const { photo, report } = await this.#photo(id);
    const visible = report.publishedAt !== null || (principal !== null && canRead(principal, report));
    if (!visible) throw new AppError(feedbackErrors.PHOTO_NOT_FOUND);
    return { photo, stream: await this.#blob(photo.publicKey) };
  }

  /** The original as uploaded, EXIF and all: staff only. */
  async original(id: string, principal: Principal): Promise<{ photo: Photo; stream: Readable }> {
    const { photo, report } = await this.#photo(id);
    if (!canRead(principal, report)) throw new AppError(feedbackErrors.PHOTO_NOT_FOUND);
    return { photo, stream: await this.#blob(photo.originalKey) };
  }

  async #store(
    report: Report,
    kind: PhotoKind,
    files: readonly UploadedFile[],
    uploadedBy: string | null,
  ): Promise<Photo[]> {
    const existing = await this.ctx.photos.count(report.id, kind);
    if (files.length === 0 || existing + files.length > PHOTOS_PER_REPORT)
      throw new AppError(feedbackErrors.TOO_MANY_PHOTOS, { existing }, { max: PHOTOS_PER_REPORT });
    const checked = files.map((file) => ({ file, type: typeOf(file) }));
    const stored: Photo[] = [];
    for (const { file, type } of checked)
      stored.push(await this.#storeOne(report, kind, file, type, uploadedBy));
    return stored;
  }

  async #storeOne(
    report: Report,
    kind: PhotoKind,
    file: UploadedFile,
    type: PhotoType,
    uploadedBy: string | null,
  ): Promise<Photo> {
    const copy = await publishableCopy(file.data, type);
    const id = crypto.randomUUID();
    const base = `feedback/${report.id}/${id}`;
    const originalKey = `${base}-original.${extensionOf(type)}`;
    const publicKey = `${base}-public.${extensionOf(type)}`;
    // Blobs first: a row never points at a missing file (an orphan blob after a crash is harmless).
    await this.ctx.platform.blobs.put(originalKey, file.data, type);
    await this.ctx.platform.blobs.put(publicKey, copy.data, type);
    const photo = {
      id,
      reportId: report.id,
      kind,
      originalKey,
      publicKey,
      contentType: type,
      sizeBytes: file.data.length,
      width: copy.width,
      height: copy.height,
      uploadedBy,
    };
    await this.ctx.photos.insert(this.ctx.platform.db, photo);
    return { ...photo, createdAt: new Date() };
  }

  async #photo(id: string): Promise<{ photo: Photo; report: Report }> {
    const photo = await this.ctx.photos.find(id);
    if (!photo) throw new AppError(feedbackErrors.PHOTO_NOT_FOUND);
    return { photo, report: await this.#byId(photo.reportId) };
  }

  async #blob(key: string): Promise<Readable> {
    const stream = await this.ctx.platform.blobs.get(key);
    if (!stream) throw new AppError(feedbackErrors.PHOTO_NOT_FOUND);
    return stream;
  }

  async #byId(id: string): Promise<Report> {
    const report = await this.ctx.reports.findById(id);
    if (!report) throw new AppError(feedbackErrors.REPORT_NOT_FOUND);
    return report;
  }

  async #byCode(code: string): Promise<Report> {
    const report = await this.ctx.reports.findByCode(code);
    if (!report) throw new AppError(feedbackErrors.REPORT_NOT_FOUND);
    return report;
  }
}

function typeOf(file: UploadedFile): PhotoType {
  const type = sniffImageType(file.data);
  if (!type) throw new AppError(feedbackErrors.PHOTO_TYPE, { fileName: file.fileName });
  return type;
}
