import { Type, type Static } from 'typebox';
import { translate, type Locale, type Localized } from '../../../../platform/i18n/locale';
import { describeProblem } from './load-problems';
import type { Load } from './loads.repo';

export const LoadReportSchema = Type.Object(
  {
    id: Type.String(),
    resourceId: Type.String(),
    status: Type.String({ description: 'queued, running, succeeded, failed or superseded' }),
    phase: Type.Union([Type.String(), Type.Null()], { description: 'reading or indexing while running' }),
    progress: Type.Union([Type.Integer({ minimum: 0, maximum: 100 }), Type.Null()], {
      description: 'Percent of the file read; null when the size is unknown or the load failed',
    }),
    rowsDone: Type.Integer(),
    bytesDone: Type.Integer(),
    bytesTotal: Type.Union([Type.Integer(), Type.Null()]),
    encoding: Type.Union([Type.String(), Type.Null()]),
    fields: Type.Union([
      Type.Array(Type.Object({ id: Type.String(), type: Type.String() }, { additionalProperties: true })),
      Type.Null(),
    ]),
    errorCount: Type.Integer(),
    errors: Type.Array(
      Type.Object({
        line: Type.Union([Type.Integer(), Type.Null()]),
        field: Type.Union([Type.String(), Type.Null()]),
        code: Type.String(),
        message: Type.String(),
      }),
    ),
    message: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
    startedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    swappedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
      description: 'When the new data became visible (indexes may still be building)',
    }),
    finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { description: 'The latest load of a file into the DataStore' },
);

export type LoadReport = Static<typeof LoadReportSchema>;

function progressOf(load: Load): number | null {
  if (load.status === 'succeeded') return 100;
  if (load.status === 'queued') return 0;
  if (load.status !== 'running' || !load.bytesTotal) return null;
  // 99 at most while running: the swap and the indexes still come after the last byte.
  return Math.min(99, Math.floor((load.bytesDone / load.bytesTotal) * 100));
}

const rejectedSummary: Localized = {
  vi: 'Tìm thấy {count} lỗi; dữ liệu trong DataStore không thay đổi.',
  en: '{count} problem(s) found; the data in the DataStore was not changed.',
};

// A load refused for its problems is summarised in the caller's language; other messages (a file that
// could not be read at all) are stored as the loader wrote them.
function summaryOf(load: Load, locale: Locale): string | null {
  if (load.status === 'failed' && load.errorCount > 0)
    return translate(rejectedSummary, locale, { count: load.errorCount });
  return load.message;
}

/** A load for the publisher's progress bar and error report, problems worded in the caller's language. */
export function presentLoad(load: Load, locale: Locale): LoadReport {
  return {
    id: load.id,
    resourceId: load.resourceId,
    status: load.status,
    phase: load.phase,
    progress: progressOf(load),
    rowsDone: load.rowsDone,
    bytesDone: load.bytesDone,
    bytesTotal: load.bytesTotal,
    encoding: load.encoding,
    fields: load.fields ? load.fields.map((field) => ({ ...field })) : null,
    errorCount: load.errorCount,
    errors: load.errors.map((problem) => ({
      line: problem.line,
      field: problem.field,
      code: problem.code,
      message: describeProblem(problem, locale),
    })),
    message: summaryOf(load, locale),
    createdAt: load.createdAt.toISOString(),
    startedAt: load.startedAt?.toISOString() ?? null,
    swappedAt: load.swappedAt?.toISOString() ?? null,
    finishedAt: load.finishedAt?.toISOString() ?? null,
  };
}
