import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell } from './cells';
import type { RowConsumer } from './sources';

// Apart from the other readers: exceljs is large, and the CSV worker thread should not load it.
type ExcelValue = ExcelJS.CellValue;

/** An Excel value as a cell: formulas give their result, rich text and hyperlinks their text. */
function excelCell(value: ExcelValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return excelCell((value.result ?? null) as ExcelValue);
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('error' in value) return String(value.error);
  return JSON.stringify(value);
}

function excelRow(row: ExcelJS.Row, width: number): Cell[] {
  const values = Array.isArray(row.values) ? row.values : [];
  const count = Math.max(width, values.length - 1);
  return Array.from({ length: count }, (_, index) => excelCell(values[index + 1] as ExcelValue));
}

/** The first worksheet of an XLSX file, streamed row by row; its first non-empty row is the header. */
export async function readXlsx(stream: Readable, consumer: RowConsumer): Promise<void> {
  consumer.encoding('xlsx');
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  for await (const sheet of workbook) {
    let width = -1;
    let rows = 0;
    for await (const row of sheet) {
      const cells = excelRow(row, Math.max(width, 0));
      if (width < 0) {
        if (cells.every((cell) => cell === null || cell === '')) continue;
        while (cells.length > 0 && (cells.at(-1) === null || cells.at(-1) === '')) cells.pop();
        width = cells.length;
        consumer.header(cells.map((cell) => (cell === null ? '' : String(cell))));
        continue;
      }
      consumer.cells(row.number, cells);
      rows += 1;
      if (rows % 2000 === 0 && !(await consumer.afterChunk())) break;
    }
    break;
  }
  stream.destroy();
}
