import { isAscii, isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';

/**
 * Turns the bytes of a text file in any encoding we support into NFC UTF-8 bytes, streaming.
 *
 *  - A BOM decides: UTF-8, UTF-16 LE/BE.
 *  - Without one, plain ASCII passes through undecided; the first chunk holding other bytes decides:
 *    valid UTF-8 is UTF-8, anything else is asked of chardet, which knows Windows-1258 (the legacy
 *    Vietnamese code page). When chardet hesitates between Western code pages and 1258, 1258 wins: this
 *    is a Vietnamese city's data.
 *  - UTF-8 passes through as bytes (the fast path); only chunks holding combining accents (decomposed
 *    text, as macOS writes it, and all of Windows-1258, which writes tones as combining marks) are decoded
 *    and recomposed to NFC, so that "Đà Nẵng" typed on any keyboard matches.
 */
export class EncodingError extends Error {
  override name = 'EncodingError';
  constructor(readonly byteOffset: number) {
    super(`invalid UTF-8 at byte ${byteOffset}`);
  }
}

const COMBINING = /[\u0300-\u036f]/;
const COMBINING_TAIL = /[\u0300-\u036f]*$/;

export class Utf8Normaliser {
  #encoding: string | undefined;
  #decoder: { write(chunk: Buffer): string; end(): string | undefined } | undefined;
  #tail = Buffer.alloc(0);
  #held = '';
  #offset = 0;
  #first = true;

  /** The encoding decided so far (UTF-8 while every byte is ASCII). */
  get encoding(): string {
    return this.#encoding ?? 'utf-8';
  }

  write(chunk: Buffer): Buffer {
    let bytes = this.#first ? this.#bom(chunk) : chunk;
    this.#first = false;
    if (!this.#encoding && !bytes.includes(0) && isAscii(bytes)) return this.#advance(bytes);
    this.#encoding ??= detectEncoding(bytes);
    if (this.#encoding !== 'utf-8') return this.#transcode(bytes);
    bytes = this.#tail.length > 0 ? Buffer.concat([this.#tail, bytes]) : bytes;
    const complete = completeUtf8Length(bytes);
    this.#tail = Buffer.from(bytes.subarray(complete));
    return this.#utf8(bytes.subarray(0, complete));
  }

  end(): Buffer {
    if (this.#tail.length > 0) throw new EncodingError(this.#offset);
    const rest = (this.#decoder?.end() ?? '') || '';
    const text = (this.#held + rest).normalize('NFC');
    this.#held = '';
    return Buffer.from(text, 'utf8');
  }

  #bom(chunk: Buffer): Buffer {
    if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
      this.#encoding = 'utf-8';
      return chunk.subarray(3);
    }
    const utf16 =
      chunk[0] === 0xff && chunk[1] === 0xfe
        ? 'utf-16le'
        : chunk[0] === 0xfe && chunk[1] === 0xff
          ? 'utf-16be'
          : undefined;
    if (utf16) this.#encoding = utf16;
    return chunk;
  }

  #utf8(bytes: Buffer): Buffer {
    if (!isUtf8(bytes)) throw new EncodingError(this.#offset + firstInvalidUtf8(bytes));
    // Bytes 0xCC/0xCD lead the combining accents U+0300–U+036F: only then is there anything to recompose.
    if (this.#held === '' && !bytes.includes(0xcc) && !bytes.includes(0xcd)) return this.#advance(bytes);
    this.#offset += bytes.length;
    return this.#compose(bytes.toString('utf8'));
  }

  #transcode(bytes: Buffer): Buffer {
    this.#decoder ??= iconv.getDecoder(this.#encoding ?? 'windows-1258');
    this.#offset += bytes.length;
    return this.#compose(this.#decoder.write(bytes));
  }

  /** NFC of the text, holding back a trailing base letter whose accents may start the next chunk. */
  #compose(text: string): Buffer {
    let all = this.#held + text;
    if (!COMBINING.test(all)) {
      this.#held = '';
      return Buffer.from(all, 'utf8');
    }
    let tail = all.length - (COMBINING_TAIL.exec(all)?.[0].length ?? 0) - 1;
    if (tail > 0 && isLowSurrogate(all.charCodeAt(tail))) tail -= 1;
    this.#held = tail >= 0 ? all.slice(tail) : all;
    all = tail >= 0 ? all.slice(0, tail) : '';
    return Buffer.from(all.normalize('NFC'), 'utf8');
  }

  #advance(bytes: Buffer): Buffer {
    this.#offset += bytes.length;
    return bytes;
  }
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** UTF-8 when the bytes are valid UTF-8 (ignoring a cut sequence at the end), else chardet's best guess. */
export function detectEncoding(sample: Buffer): string {
  if (isUtf8(sample.subarray(0, completeUtf8Length(sample)))) return 'utf-8';
  const candidates = chardet.analyse(sample);
  const top = candidates[0];
  const vietnamese = candidates.find((candidate) => candidate.name === 'windows-1258');
  if (vietnamese && (!top || vietnamese.confidence * 2 >= top.confidence)) return 'windows-1258';
  const name = top?.name.toLowerCase();
  return name && name !== 'utf-8' && iconv.encodingExists(name) ? name : 'windows-1258';
}

/** The length of the longest prefix that does not end inside a multi-byte UTF-8 sequence. */
export function completeUtf8Length(bytes: Buffer): number {
  const length = bytes.length;
  for (let back = 1; back <= Math.min(3, length); back += 1) {
    const byte = bytes[length - back] ?? 0;
    if (byte < 0x80) return length;
    if (byte >= 0xc0) {
      const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return back < needed ? length - back : length;
    }
  }
  return length;
}

function firstInvalidUtf8(bytes: Buffer): number {
  let low = 0;
  let high = bytes.length;
  // Binary search on prefixes: isUtf8 is native and fast, the offset only feeds the error message.
  while (high - low > 4) {
    const middle = (low + high) >>> 1;
    if (isUtf8(bytes.subarray(0, completeUtf8Length(bytes.subarray(0, middle))))) low = middle;
    else high = middle;
  }
  return low;
}
