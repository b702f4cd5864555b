import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database';
import type { FeedbackTables } from './feedback.tables';
import type { Executor } from './notifier.port';

export type PhotoKind = 'report' | 'fix';

export interface Photo {
  readonly id: string;
  readonly reportId: string;
  readonly kind: PhotoKind;
  readonly originalKey: string;
  readonly publicKey: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly width: number | null;
  readonly height: number | null;
  readonly uploadedBy: string | null;
  readonly createdAt: Date;
}

export type NewPhoto = Omit<Photo, 'createdAt'>;

function toPhoto(row: Selectable<FeedbackTables['feedback.photos']>): Photo {
  return {
    id: row.id,
    reportId: row.report_id,
    kind: row.kind,
    originalKey: row.original_key,
    publicKey: row.public_key,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    width: row.width,
    height: row.height,
    uploadedBy: row.uploaded_by,
    createdAt: row.created_at,
  };
}

/** feedback.photos: metadata of the blobs (original and public copy) of each photo. */
export class PhotosRepo {
  constructor(private readonly db: Db) {}

  async insert(executor: Executor, photo: NewPhoto): Promise<void> {
    await executor
      .withTables<FeedbackTables>()
      .insertInto('feedback.photos')
      .values({
        id: photo.id,
        report_id: photo.reportId,
        kind: photo.kind,
        original_key: photo.originalKey,
        public_key: photo.publicKey,
        content_type: photo.contentType,
        size_bytes: photo.sizeBytes,
        width: photo.width,
        height: photo.height,
        uploaded_by: photo.uploadedBy,
      })
      .execute();
  }

  async forReport(reportId: string): Promise<Photo[]> {
    const rows = await this.db
      .withTables<FeedbackTables>()
      .selectFrom('feedback.photos')
      .selectAll()
      .where('report_id', '=', reportId)
      .orderBy('created_at')
      .execute();
    return rows.map(toPhoto);
  }

  async find(id: string): Promise<Photo | undefined> {
    const row = await this.db
      .withTables<FeedbackTables>()
      .selectFrom('feedback.photos')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toPhoto(row) : undefined;
  }

  /** The first photo of each given report (one query for a whole Open311 page). */
  async firstOf(reportIds: readonly string[]): Promise<Map<string, string>> {
    if (reportIds.length === 0) return new Map();
    const rows = await this.db
      .withTables<FeedbackTables>()
      .selectFrom('feedback.photos')
      .select(['report_id', 'id'])
      .distinctOn('report_id')
      .where('report_id', 'in', [...reportIds])
      .orderBy('report_id')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return new Map(rows.map((row) => [row.report_id, row.id]));
  }

  async count(reportId: string, kind: PhotoKind): Promise<number> {
    const row = await this.db
      .withTables<FeedbackTables>()
      .selectFrom('feedback.photos')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('report_id', '=', reportId)
      .where('kind', '=', kind)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }
}
