import { describe, expect, it } from 'vitest';
import {
  CsvByteTokenizer,
  CsvStop,
  fieldText,
  sniffDelimiter,
  type ByteRecord,
  type CsvProblem,
} from './csv-bytes';

function tokenize(text: string, chunkSize = Buffer.byteLength(text) || 1, maxRecordBytes = 64) {
  const bytes = Buffer.from(text);
  const records: (string | number)[][] = [];
  const problems: CsvProblem[] = [];
  const tokenizer = new CsvByteTokenizer(0x2c, (problem) => problems.push(problem), maxRecordBytes);
  const collect = (record: ByteRecord) =>
    records.push([
      record.line,
      ...Array.from({ length: record.count }, (_, index) => fieldText(record, index)),
    ]);
  try {
    for (let at = 0; at < bytes.length; at += chunkSize)
      tokenizer.push(bytes.subarray(at, at + chunkSize), collect);
    tokenizer.end(collect);
  } catch (error) {
    if (!(error instanceof CsvStop)) throw error;
  }
  return { records, problems };
}

describe('CsvByteTokenizer', () => {
  const sample =
    'ma,ten,ghi_chu\r\n001,"Hải Châu, Đà Nẵng","dòng 1\ndòng 2"\n\n002,Thanh Khê,"nói ""xin chào"""\n003,,\n004,x,y';
  const expected = [
    [1, 'ma', 'ten', 'ghi_chu'],
    [2, '001', 'Hải Châu, Đà Nẵng', 'dòng 1\ndòng 2'],
    [5, '002', 'Thanh Khê', 'nói "xin chào"'],
    [6, '003', '', ''],
    [7, '004', 'x', 'y'],
  ];

  it('reads quoted fields, doubled quotes, embedded line breaks and blank lines with their line numbers', () => {
    expect(tokenize(sample)).toEqual({ records: expected, problems: [] });
  });

  it('gives the same records whatever the chunk boundaries, even inside a multi-byte character', () => {
    for (let size = 1; size <= 13; size += 1) expect(tokenize(sample, size).records).toEqual(expected);
  });

  it('reports broken quoting with line numbers and keeps reading after a stray closing quote', () => {
    const stray = tokenize('a,b\n1,"x"y\n2,z\n', 3);
    expect(stray.problems).toEqual([{ line: 2, code: 'bad_closing_quote' }]);
    expect(stray.records.at(-1)).toEqual([3, '2', 'z']);
    const unclosed = tokenize('a,b\n1,ok\n2,"never closed\n3,z\n', 1000);
    expect(unclosed.problems).toEqual([{ line: 3, code: 'unclosed_quote' }]);
    expect(unclosed.records).toHaveLength(2);
  });

  it('stops at a record longer than the limit instead of buffering the whole file', () => {
    const runaway = `a,b\n1,"${'x'.repeat(200)}`;
    expect(tokenize(runaway, 16).problems).toEqual([{ line: 2, code: 'record_too_long' }]);
  });

  it('sniffs the delimiter from the first line', () => {
    expect(sniffDelimiter(Buffer.from('a;b;"c,d"\n1;2;3'), 'csv')).toBe(0x3b);
    expect(sniffDelimiter(Buffer.from('a\tb\n'), 'csv')).toBe(0x09);
    expect(sniffDelimiter(Buffer.from('a,b\n'), 'tsv')).toBe(0x09);
    expect(sniffDelimiter(Buffer.from('single\n'), 'csv')).toBe(0x2c);
  });
});
