import type { FieldType } from '../schema/field-types';
import { COPY_NULL, type Cell, type Converter } from './cells';
import { scanDate, scanNumber, trimmed, writeDate, writeNumber } from './byte-values';
import { fieldText, type ByteRecord } from './csv-bytes';
import type { ProblemLog } from './load-problems';
import type { NumberStyle } from './vn-values';

/**
 * Writes rows in PostgreSQL's COPY text format (tab-separated, `\N` for NULL, backslash escapes) into
 * buffers of about `chunkBytes`, which the caller hands to COPY. `_id` comes first, numbered here, so the
 * database draws no sequence value per row.
 */
const BACKSLASH = 0x5c;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const ESCAPED: Readonly<Record<number, number>> = {
  [TAB]: 0x74,
  [LF]: 0x6e,
  [CR]: 0x72,
  [BACKSLASH]: BACKSLASH,
};

export class CopyBuffers {
  #buffer: Buffer;
  #position = 0;
  #ready: Buffer[] = [];

  constructor(private readonly chunkBytes: number) {
    this.#buffer = Buffer.allocUnsafe(chunkBytes);
  }

  /** Makes room for `bytes` more; a full buffer is set aside (never reused: COPY may still hold it). */
  reserve(bytes: number): void {
    if (this.#position + bytes <= this.#buffer.length) return;
    if (this.#position > 0) this.#ready.push(this.#buffer.subarray(0, this.#position));
    this.#buffer = Buffer.allocUnsafe(Math.max(this.chunkBytes, bytes));
    this.#position = 0;
  }

  byte(value: number): void {
    this.#buffer[this.#position] = value;
    this.#position += 1;
  }

  /** A string known to fit (callers reserve 3 bytes per UTF-16 unit); short ASCII is copied by hand. */
  text(value: string): void {
    const buffer = this.#buffer;
    let position = this.#position;
    for (let index = 0; index < value.length; index += 1) {
      const code = value.charCodeAt(index);
      if (code >= 0x80) {
        this.#position += buffer.write(value, this.#position);
        return;
      }
      buffer[position] = code;
      position += 1;
    }
    this.#position = position;
  }

  /**
   * Copies a text field's bytes by hand (cheaper than Buffer#copy for short fields), escaping what COPY's
   * text format needs, dropping NUL bytes and undoing doubled quotes.
   */
  copyEscaped(source: Buffer, start: number, end: number, undoDoubledQuotes: boolean): void {
    this.reserve((end - start) * 2);
    const buffer = this.#buffer;
    let position = this.#position;
    for (let at = start; at < end; at += 1) {
      const byte = source[at] ?? 0;
      if (byte > BACKSLASH || (byte > CR && byte !== BACKSLASH && byte !== QUOTE)) {
        buffer[position++] = byte;
      } else if (byte === QUOTE) {
        buffer[position++] = byte;
        if (undoDoubledQuotes) at += 1;
      } else if (byte === BACKSLASH || byte === TAB || byte === LF || byte === CR) {
        buffer[position++] = BACKSLASH;
        buffer[position++] = ESCAPED[byte] ?? BACKSLASH;
      } else if (byte !== 0) buffer[position++] = byte;
    }
    this.#position = position;
  }

  get pendingBytes(): number {
    return this.#position + this.#ready.reduce((sum, buffer) => sum + buffer.length, 0);
  }

  /** The buffers written so far, ready for COPY; `all` includes the one being filled. */
  take(all: boolean): Buffer[] {
    if (all && this.#position > 0) {
      this.#ready.push(this.#buffer.subarray(0, this.#position));
      this.#buffer = Buffer.allocUnsafe(this.chunkBytes);
      this.#position = 0;
    }
    const ready = this.#ready;
    this.#ready = [];
    return ready;
  }
}

/** A column of the table being loaded: its id, type and how a cell of the file becomes a COPY field. */
export interface LoadColumn {
  readonly id: string;
  readonly type: FieldType;
  readonly style: NumberStyle;
  readonly convert: Converter;
}

/** Copies a text field's bytes into the COPY buffer; an empty field is NULL, as in COPY's CSV format. */
function copyTextField(out: CopyBuffers, record: ByteRecord, index: number): void {
  const start = record.starts[index] ?? 0;
  const end = record.ends[index] ?? 0;
  if (start === end) return writeText(out, COPY_NULL);
  out.copyEscaped(record.buffer, start, end, record.doubled[index] === 1);
}

function writeText(out: CopyBuffers, text: string): void {
  out.reserve(text.length * 3);
  out.text(text);
}

// How a column of a CSV record is handled: bytes copied, numbers and dates read from the bytes (the hot
// path), or the cell decoded and converted like an XLSX or JSON value.
const enum Kind {
  Text,
  Number,
  Integer,
  Date,
  Converted,
}
const EMPTY = -2;

function kindOf(type: FieldType): Kind {
  if (type === 'text') return Kind.Text;
  if (type === 'numeric' || type === 'float') return Kind.Number;
  if (type === 'int' || type === 'int8') return Kind.Integer;
  return type === 'date' ? Kind.Date : Kind.Converted;
}

/**
 * Checks each row against the columns and writes it. A row with a problem is reported (line, column,
 * value) and not written; once a load has a problem nothing more is written, but the rest of the file is
 * still checked so the report lists every problem up to the log's capacity.
 */
export class RowWriter {
  #nextId = 1;
  readonly #kinds: Kind[];
  readonly #scans: Int32Array;
  readonly #bounds: Int32Array;
  readonly #typed: (string | undefined)[];
  readonly #cell = new Int32Array(2);

  constructor(
    private readonly columns: readonly LoadColumn[],
    private readonly out: CopyBuffers,
    private readonly problems: ProblemLog,
  ) {
    this.#kinds = columns.map((column) => kindOf(column.type));
    this.#scans = new Int32Array(columns.length);
    this.#bounds = new Int32Array(columns.length * 2);
    this.#typed = new Array<string | undefined>(columns.length);
  }

  get rowsWritten(): number {
    return this.#nextId - 1;
  }

  writeRecord(record: ByteRecord): void {
    if (
      !this.#fieldCountOk(record.line, record.count, (index) => record.ends[index] === record.starts[index])
    )
      return;
    let valid = true;
    for (let index = 0; index < this.columns.length; index += 1) {
      if (this.#kinds[index] !== Kind.Text && !this.#check(record, index)) valid = false;
    }
    if (!valid || this.problems.count > 0) return;
    this.#startRow();
    for (let index = 0; index < this.columns.length; index += 1) this.#writeField(record, index);
    this.#endRow();
  }

  /** Reads a typed field of a record; reports it when it does not fit the column. */
  #check(record: ByteRecord, index: number): boolean {
    const kind = this.#kinds[index];
    trimmed(record.buffer, record.starts[index] ?? 0, record.ends[index] ?? 0, this.#cell);
    const start = this.#cell[0] ?? 0;
    const end = this.#cell[1] ?? 0;
    this.#bounds[index * 2] = start;
    this.#bounds[index * 2 + 1] = end;
    const column = this.columns[index] as LoadColumn;
    let scan = EMPTY;
    if (start === end) scan = EMPTY;
    else if (kind === Kind.Number || kind === Kind.Integer)
      scan = scanNumber(record.buffer, start, end, column.style, kind === Kind.Integer);
    else if (kind === Kind.Date) scan = scanDate(record.buffer, start, end);
    else {
      this.#typed[index] = column.convert(fieldText(record, index));
      scan = this.#typed[index] === undefined ? -1 : 0;
    }
    this.#scans[index] = scan;
    return scan !== -1 || this.#invalid(record.line, column, fieldText(record, index));
  }

  #writeField(record: ByteRecord, index: number): void {
    const out = this.out;
    out.reserve(1);
    out.byte(TAB);
    const kind = this.#kinds[index];
    const scan = this.#scans[index] ?? EMPTY;
    if (kind === Kind.Text) return copyTextField(out, record, index);
    if (scan === EMPTY) return writeText(out, COPY_NULL);
    const start = this.#bounds[index * 2] ?? 0;
    const end = this.#bounds[index * 2 + 1] ?? 0;
    if (kind === Kind.Number || kind === Kind.Integer)
      return writeNumber(out, record.buffer, start, end, this.columns[index]?.style ?? 'vn');
    if (kind === Kind.Date) return writeDate(out, scan);
    writeText(out, this.#typed[index] ?? COPY_NULL);
  }

  writeCells(line: number, cells: readonly Cell[]): void {
    if (!this.#fieldCountOk(line, cells.length, (index) => cells[index] === '' || cells[index] === null))
      return;
    let valid = true;
    this.columns.forEach((column, index) => {
      const converted = column.convert(cells[index] ?? null);
      this.#typed[index] = converted;
      if (converted === undefined) valid = this.#invalid(line, column, String(cells[index]));
    });
    if (!valid || this.problems.count > 0) return;
    this.#startRow();
    for (const converted of this.#typed) {
      writeText(this.out, '\t');
      writeText(this.out, converted ?? COPY_NULL);
    }
    this.#endRow();
  }

  /** Extra trailing empty fields (as spreadsheets export) are fine; missing or extra values are not. */
  #fieldCountOk(line: number, count: number, isEmpty: (index: number) => boolean): boolean {
    const expected = this.columns.length;
    let found = count;
    while (found > expected && isEmpty(found - 1)) found -= 1;
    if (found === expected) return true;
    this.problems.add({ line, field: null, code: 'field_count', params: { found, expected } });
    return false;
  }

  #invalid(line: number, column: LoadColumn, value: string): false {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    this.problems.add({
      line,
      field: column.id,
      code: 'invalid_value',
      params: { value: shown, type: column.type },
    });
    return false;
  }

  #startRow(): void {
    writeText(this.out, String(this.#nextId));
    this.#nextId += 1;
  }

  #endRow(): void {
    this.out.reserve(1);
    this.out.byte(LF);
  }
}
