import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3BlobStore } from './s3-blob-store';

// s3rver is an S3-protocol server running in this process: the store talks real S3 HTTP to it.
describe('S3BlobStore against an S3-compatible server', () => {
  let server: S3rver;
  let dir: string;
  let store: S3BlobStore;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'citydx-s3-'));
    server = new S3rver({
      port: 0,
      address: '127.0.0.1',
      silent: true,
      directory: dir,
      configureBuckets: [{ name: 'citydx', configs: [] }],
    });
    const { port } = await server.run();
    store = new S3BlobStore({
      kind: 's3',
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      bucket: 'citydx',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    });
  });

  afterAll(async () => {
    await server.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('streams a file in, reports size and checksum, and reads it back', async () => {
    const content = 'năm,dân số\n2024,1245179\n'.repeat(1000);
    const stored = await store.put('opendata/population.csv', Readable.from([content]), 'text/csv');
    expect(stored).toMatchObject({
      key: 'opendata/population.csv',
      size: Buffer.byteLength(content),
      contentType: 'text/csv',
    });
    expect(stored.sha256).toBe(crypto.createHash('sha256').update(content).digest('hex'));
    const read = await store.get('opendata/population.csv');
    expect(read && (await text(read))).toBe(content);
  });

  it('answers missing keys and deletes', async () => {
    expect(await store.get('missing/file.txt')).toBeUndefined();
    expect(await store.exists('missing/file.txt')).toBe(false);
    await store.put('tmp/a.txt', Buffer.from('a'), 'text/plain');
    expect(await store.exists('tmp/a.txt')).toBe(true);
    await store.delete('tmp/a.txt');
    expect(await store.exists('tmp/a.txt')).toBe(false);
  });
});
