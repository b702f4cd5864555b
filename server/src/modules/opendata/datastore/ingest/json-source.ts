import type { Cell } from './cells';
import type { RowConsumer } from './sources';

/**
 * Cuts a JSON document into its records without holding the document: an array of records
 * (`[{...}, {...}]`) or JSON Lines (one record per line). Only the record being read is in memory.
 */
class JsonRecordScanner {
  #mode: 'unknown' | 'array' | 'lines' = 'unknown';
  #depth = 0;
  #inString = false;
  #escaped = false;
  #partial = '';
  #line = 1;
  #recordLine = 1;
  #recording = false;

  constructor(
    private readonly onRecord: (text: string, line: number) => void,
    private readonly onInvalid: (line: number, detail: string) => void,
    private readonly maxRecordChars = 4 * 1024 * 1024,
  ) {}

  push(text: string): void {
    let start = 0;
    for (let at = 0; at < text.length; at += 1) {
      const char = text[at] as string;
      if (char === '\n') this.#line += 1;
      if (this.#inString) {
        this.#string(char);
        continue;
      }
      if (!this.#recording) {
        if (this.#outside(char)) start = at;
        continue;
      }
      if (this.#structural(char)) {
        this.onRecord(this.#partial + text.slice(start, at + 1), this.#recordLine);
        this.#partial = '';
        this.#recording = false;
      }
    }
    if (this.#recording) this.#keep(text.slice(start));
  }

  #string(char: string): void {
    if (this.#escaped) this.#escaped = false;
    else if (char === '\\') this.#escaped = true;
    else if (char === '"') this.#inString = false;
  }

  /** Between records: true when `char` opens one. */
  #outside(char: string): boolean {
    if (char === ' ' || char === '\n' || char === '\r' || char === '\t' || char === ',') return false;
    if (this.#mode === 'unknown' && char === '[') {
      this.#mode = 'array';
      return false;
    }
    if (this.#mode === 'unknown') this.#mode = 'lines';
    if (char === ']' && this.#mode === 'array') return false;
    if (char !== '{' && char !== '[') {
      this.onInvalid(this.#line, `expected an object or an array, found "${char}"`);
      return false;
    }
    this.#recording = true;
    this.#recordLine = this.#line;
    this.#depth = 1;
    return true;
  }

  /** Inside a record: true when `char` closes it. */
  #structural(char: string): boolean {
    if (char === '"') this.#inString = true;
    else if (char === '{' || char === '[') this.#depth += 1;
    else if (char === '}' || char === ']') this.#depth -= 1;
    return this.#depth === 0;
  }

  #keep(text: string): void {
    this.#partial += text;
    if (this.#partial.length > this.maxRecordChars) {
      this.onInvalid(this.#recordLine, 'record longer than 4 MB');
      this.#partial = '';
      this.#recording = false;
    }
  }

  end(): void {
    if (this.#recording || this.#inString) this.onInvalid(this.#recordLine, 'unexpected end of file');
  }
}

type JsonRecord = Record<string, unknown> | unknown[];

/**
 * Feeds JSON records to the consumer as rows. Objects: the header is every key of the first `sampleRows`
 * records, in the order first seen; a later record with another key is a problem. Arrays: the first one
 * is the header.
 */
export async function readJsonRows(
  text: AsyncIterable<Buffer>,
  consumer: RowConsumer,
  sampleRows: number,
): Promise<void> {
  let header: string[] | undefined;
  let known = new Set<string>();
  const sample: { line: number; record: JsonRecord }[] = [];
  const emit = (line: number, record: JsonRecord) =>
    consumer.cells(line, rowOf(record, header ?? [], known, line, consumer));
  const startRows = () => {
    header = headerOf(sample.map((entry) => entry.record));
    known = new Set(header);
    consumer.header(header);
    const rows = Array.isArray(sample[0]?.record) ? sample.slice(1) : sample;
    for (const entry of rows) emit(entry.line, entry.record);
    sample.length = 0;
  };
  const scanner = new JsonRecordScanner(
    (json, line) => {
      const record = parseRecord(json, line, consumer);
      if (record === undefined) return;
      if (header) return emit(line, record);
      sample.push({ line, record });
      if (sample.length >= sampleRows || Array.isArray(sample[0]?.record)) startRows();
    },
    (line, detail) => consumer.problem({ line, field: null, code: 'invalid_json', params: { detail } }),
  );
  for await (const chunk of text) {
    scanner.push(chunk.toString('utf8'));
    if (!(await consumer.afterChunk())) return;
  }
  scanner.end();
  if (!header && sample.length > 0) startRows();
}

function parseRecord(json: string, line: number, consumer: RowConsumer): JsonRecord | undefined {
  try {
    return JSON.parse(json) as JsonRecord;
  } catch (error) {
    consumer.problem({
      line,
      field: null,
      code: 'invalid_json',
      params: { detail: (error as Error).message },
    });
    return undefined;
  }
}

function headerOf(records: readonly JsonRecord[]): string[] {
  const first = records[0];
  if (Array.isArray(first)) return first.map((cell) => (cell === null ? '' : String(cell)));
  const keys = new Set<string>();
  for (const record of records)
    if (!Array.isArray(record)) for (const key of Object.keys(record)) keys.add(key);
  return [...keys];
}

function rowOf(
  record: JsonRecord,
  header: readonly string[],
  known: ReadonlySet<string>,
  line: number,
  consumer: RowConsumer,
): Cell[] {
  if (Array.isArray(record)) return record as Cell[];
  for (const key of Object.keys(record)) {
    if (!known.has(key)) consumer.problem({ line, field: key, code: 'unknown_field', params: {} });
  }
  return header.map((key) => (record[key] ?? null) as Cell);
}
