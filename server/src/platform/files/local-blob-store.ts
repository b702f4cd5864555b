import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertValidKey, type BlobStore, type StoredBlob } from './blob-store';

/** Files in a local folder (the embedded default). Writes go to a temporary file first, then rename. */
export class LocalBlobStore implements BlobStore {
  readonly kind = 'local' as const;

  constructor(private readonly root: string) {}

  async put(key: string, body: Readable | Buffer, contentType: string): Promise<StoredBlob> {
    const target = this.#pathOf(key);
    await fsp.mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${crypto.randomUUID()}.part`;
    const hash = crypto.createHash('sha256');
    let size = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        size += chunk.length;
        callback(null, chunk);
      },
    });
    try {
      await pipeline(
        Buffer.isBuffer(body) ? Readable.from([body]) : body,
        measure,
        fs.createWriteStream(temporary),
      );
      await fsp.rename(temporary, target);
    } catch (error) {
      await fsp.rm(temporary, { force: true });
      throw error;
    }
    return { key, size, sha256: hash.digest('hex'), contentType };
  }

  async get(key: string): Promise<Readable | undefined> {
    const file = this.#pathOf(key);
    if (!(await this.exists(key))) return undefined;
    return fs.createReadStream(file);
  }

  async exists(key: string): Promise<boolean> {
    try {
      await fsp.access(this.#pathOf(key));
      return true;
    } catch {
      return false;
    }
  }

  async delete(key: string): Promise<void> {
    await fsp.rm(this.#pathOf(key), { force: true });
  }

  #pathOf(key: string): string {
    assertValidKey(key);
    return path.join(this.root, ...key.split('/'));
  }
}
