import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalBlobStore } from './local-blob-store';

describe('LocalBlobStore', () => {
  let root: string;
  let store: LocalBlobStore;

  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'citydx-blobs-'));
    store = new LocalBlobStore(root);
  });

  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it('stores a stream and reports its size and checksum', async () => {
    const content = 'mã,tên\n1,Đà Nẵng\n';
    const stored = await store.put('opendata/x/data.csv', Readable.from([content]), 'text/csv');
    expect(stored.size).toBe(Buffer.byteLength(content));
    expect(stored.sha256).toBe(crypto.createHash('sha256').update(content).digest('hex'));
    const read = await store.get('opendata/x/data.csv');
    expect(read && (await text(read))).toBe(content);
  });

  it('answers undefined for a missing key and deletes', async () => {
    expect(await store.get('nothing/here')).toBeUndefined();
    await store.put('a/b.txt', Buffer.from('x'), 'text/plain');
    expect(await store.exists('a/b.txt')).toBe(true);
    await store.delete('a/b.txt');
    expect(await store.exists('a/b.txt')).toBe(false);
  });

  it('refuses keys that climb out of the store', async () => {
    await expect(store.put('../escape.txt', Buffer.from('x'), 'text/plain')).rejects.toThrow(
      /invalid blob key/,
    );
    await expect(store.get('/etc/passwd')).rejects.toThrow(/invalid blob key/);
  });

  it('leaves no partial file when the source stream fails', async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(store.put('a/broken.bin', failing, 'application/octet-stream')).rejects.toThrow(
      'connection reset',
    );
    expect(await fs.readdir(path.join(root, 'a'))).toEqual([]);
  });
});
