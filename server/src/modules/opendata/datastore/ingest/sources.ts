import type { Cell } from './cells';
import {
  CsvByteTokenizer,
  CsvStop,
  fieldText,
  sniffDelimiter,
  type ByteRecord,
  type CsvProblem,
} from './csv-bytes';
import { EncodingError, Utf8Normaliser } from './decode';
import { readJsonRows } from './json-source';
import { fileProblem, LoadFailure, type LoadProblem } from './load-problems';

/** What a reader feeds: the header once, then rows (CSV as raw records, the others as cells). */
export interface RowConsumer {
  header(cells: readonly string[]): void;
  record(record: ByteRecord): void;
  cells(line: number, cells: readonly Cell[]): void;
  problem(problem: LoadProblem): void;
  encoding(name: string): void;
  /** Called between chunks of input; false asks the reader to stop (enough problems to report). */
  afterChunk(): Promise<boolean>;
}

export type TabularFormat = 'csv' | 'xlsx' | 'json';

/** Which reader a resource's declared format and MIME type call for, if any. */
export function tabularFormat(format: string, mimeType: string): TabularFormat | 'xls' | undefined {
  const declared = format.trim().toLowerCase().replace(/^\./, '');
  const mime = mimeType.toLowerCase();
  if (['csv', 'tsv', 'tab'].includes(declared) || mime === 'text/csv' || mime === 'text/tab-separated-values')
    return 'csv';
  if (declared === 'xlsx' || mime.includes('spreadsheetml')) return 'xlsx';
  if (declared === 'xls' || mime === 'application/vnd.ms-excel') return 'xls';
  // GeoJSON is a single document of features, not a table of records: the map viewer shows it instead.
  if (declared === 'geojson' || mime.includes('geo+json')) return undefined;
  if (['json', 'jsonl', 'ndjson'].includes(declared) || mime.includes('json')) return 'json';
  return undefined;
}

function allFields(record: ByteRecord): string[] {
  return Array.from({ length: record.count }, (_, index) => fieldText(record, index));
}

/** Reads UTF-8 bytes through the normaliser, turning a decoding failure into the load's problem. */
export async function* utf8Chunks(
  bytes: AsyncIterable<Buffer>,
  consumer: RowConsumer,
): AsyncGenerator<Buffer> {
  const normaliser = new Utf8Normaliser();
  try {
    for await (const chunk of bytes) {
      const utf8 = normaliser.write(chunk);
      consumer.encoding(normaliser.encoding);
      yield utf8;
    }
    yield normaliser.end();
  } catch (error) {
    if (!(error instanceof EncodingError)) throw error;
    throw new LoadFailure(
      fileProblem('invalid_encoding', { encoding: normaliser.encoding, offset: error.byteOffset }),
    );
  }
}

export async function readCsv(
  bytes: AsyncIterable<Buffer>,
  format: string,
  consumer: RowConsumer,
): Promise<void> {
  let tokenizer: CsvByteTokenizer | undefined;
  let headerSeen = false;
  const onRecord = (record: ByteRecord) => {
    if (headerSeen) return consumer.record(record);
    headerSeen = true;
    consumer.header(allFields(record));
  };
  const onProblem = (problem: CsvProblem) =>
    consumer.problem({ line: problem.line, field: null, code: problem.code, params: {} });
  try {
    for await (const chunk of utf8Chunks(bytes, consumer)) {
      tokenizer ??= new CsvByteTokenizer(sniffDelimiter(chunk, format), onProblem);
      tokenizer.push(chunk, onRecord);
      if (!(await consumer.afterChunk())) return;
    }
    tokenizer?.end(onRecord);
  } catch (error) {
    if (!(error instanceof CsvStop)) throw error;
  }
}

export async function readJson(
  bytes: AsyncIterable<Buffer>,
  consumer: RowConsumer,
  sampleRows: number,
): Promise<void> {
  await readJsonRows(utf8Chunks(bytes, consumer), consumer, sampleRows);
}
