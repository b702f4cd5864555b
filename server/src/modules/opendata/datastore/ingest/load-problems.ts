import { translate, type Locale, type Localized } from '../../../../platform/i18n/locale';

/** Why a load failed, line by line. Stored as codes with parameters; worded in vi/en when shown. */
export type ProblemCode =
  | 'unclosed_quote'
  | 'bad_closing_quote'
  | 'record_too_long'
  | 'field_count'
  | 'invalid_value'
  | 'invalid_encoding'
  | 'invalid_json'
  | 'unknown_field'
  | 'empty_file'
  | 'too_many_columns'
  | 'unsupported_format'
  | 'missing_file'
  | 'internal';

export interface LoadProblem {
  /** Line of the file (CSV, JSON) or row of the sheet (XLSX); null for problems of the whole file. */
  readonly line: number | null;
  readonly field: string | null;
  readonly code: ProblemCode;
  readonly params: Readonly<Record<string, string | number>>;
}

const messages: Readonly<Record<ProblemCode, Localized>> = {
  unclosed_quote: {
    vi: 'Dấu ngoặc kép mở ở dòng này không được đóng.',
    en: 'A quote opened on this line is never closed.',
  },
  bad_closing_quote: {
    vi: 'Có ký tự ngay sau dấu ngoặc kép đóng (thiếu dấu phân cách?).',
    en: 'Characters follow a closing quote (missing delimiter?).',
  },
  record_too_long: {
    vi: 'Bản ghi bắt đầu ở dòng này quá dài; có thể thiếu dấu ngoặc kép đóng.',
    en: 'The record starting on this line is too long; a closing quote is probably missing.',
  },
  field_count: {
    vi: 'Dòng có {found} cột, trong khi tiêu đề có {expected} cột.',
    en: 'The line has {found} fields where the header has {expected}.',
  },
  invalid_value: {
    vi: 'Giá trị "{value}" của cột "{field}" không phải kiểu {type} như các dòng khác.',
    en: 'Value "{value}" in column "{field}" is not a {type} like the other rows.',
  },
  invalid_encoding: {
    vi: 'Tệp có byte không hợp lệ trong bảng mã {encoding} (byte {offset}). Hãy lưu lại tệp dạng UTF-8.',
    en: 'The file has bytes that are not valid {encoding} (byte {offset}). Save it as UTF-8.',
  },
  invalid_json: { vi: 'JSON không hợp lệ: {detail}', en: 'Invalid JSON: {detail}' },
  unknown_field: {
    vi: 'Bản ghi có trường "{field}" không có trong các bản ghi đầu tiên.',
    en: 'The record has a field "{field}" the first records do not have.',
  },
  empty_file: { vi: 'Tệp không có dữ liệu.', en: 'The file holds no data.' },
  too_many_columns: {
    vi: 'Tệp có {count} cột, vượt quá giới hạn {max} cột.',
    en: 'The file has {count} columns, more than the {max} allowed.',
  },
  unsupported_format: {
    vi: 'Định dạng {format} chưa được hỗ trợ; hãy dùng CSV, XLSX hoặc JSON.',
    en: 'Format {format} is not supported; use CSV, XLSX or JSON.',
  },
  missing_file: { vi: 'Không tìm thấy tệp đã tải lên.', en: 'The uploaded file is missing.' },
  internal: { vi: 'Lỗi hệ thống khi nạp dữ liệu.', en: 'Internal error while loading the data.' },
};

export function describeProblem(problem: LoadProblem, locale: Locale): string {
  return translate(messages[problem.code], locale, { ...problem.params, field: problem.field ?? '' });
}

/** The problems of one load: all are counted, the first `capacity` are kept for the report. */
export class ProblemLog {
  readonly items: LoadProblem[] = [];
  count = 0;

  constructor(private readonly capacity = 100) {}

  add(problem: LoadProblem): void {
    this.count += 1;
    if (this.items.length < this.capacity) this.items.push(problem);
  }

  get full(): boolean {
    return this.count >= this.capacity;
  }
}

/** A problem that ends the load at once (the file cannot be read further). */
export class LoadFailure extends Error {
  override name = 'LoadFailure';

  constructor(readonly problem: LoadProblem) {
    super(problem.code);
  }
}

export function fileProblem(code: ProblemCode, params: Record<string, string | number> = {}): LoadProblem {
  return { line: null, field: null, code, params };
}
