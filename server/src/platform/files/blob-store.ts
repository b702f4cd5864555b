import type { Readable } from 'node:stream';

export interface StoredBlob {
  readonly key: string;
  readonly size: number;
  /** Hex SHA-256 of the content, computed while streaming it in. */
  readonly sha256: string;
  readonly contentType: string;
}

/**
 * Where uploaded files live. Keys are opaque paths chosen by the owning module
 * (`opendata/<dataset>/<resource>.csv`); the metadata row belongs to that module's tables.
 */
export interface BlobStore {
  readonly kind: 'local' | 's3';
  put(key: string, body: Readable | Buffer, contentType: string): Promise<StoredBlob>;
  /** Streams the content, or `undefined` when no blob has that key. */
  get(key: string): Promise<Readable | undefined>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
}

const KEY_PATTERN = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/i;

/** Keys are relative, slash-separated and never climb out of the store (no `..`, no absolute paths). */
export function assertValidKey(key: string): void {
  if (!KEY_PATTERN.test(key) || key.split('/').some((part) => part === '..' || part === '.')) {
    throw new Error(`invalid blob key: ${key}`);
  }
}
