import crypto from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { Config } from '../config';
import { assertValidKey, type BlobStore, type StoredBlob } from './blob-store';

type S3Config = Extract<Config['blobs'], { kind: 's3' }>;

function isMissing(error: unknown): boolean {
  return (
    error instanceof NoSuchKey ||
    error instanceof NotFound ||
    (error as { name?: string }).name === 'NotFound'
  );
}

/** Any S3-compatible object store (MinIO, Ceph RGW, AWS S3). Streams uploads in parts. */
export class S3BlobStore implements BlobStore {
  readonly kind = 's3' as const;
  readonly #client: S3Client;
  readonly #bucket: string;

  constructor(config: S3Config) {
    this.#bucket = config.bucket;
    this.#client = new S3Client({
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      ...(config.accessKeyId && config.secretAccessKey
        ? { credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } }
        : {}),
    });
  }

  async put(key: string, body: Readable | Buffer, contentType: string): Promise<StoredBlob> {
    assertValidKey(key);
    const hash = crypto.createHash('sha256');
    let size = 0;
    const counted = new PassThrough();
    counted.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      size += chunk.length;
    });
    const source = Buffer.isBuffer(body) ? Readable.from([body]) : body;
    source.on('error', (error) => counted.destroy(error));
    source.pipe(counted);
    await new Upload({
      client: this.#client,
      params: { Bucket: this.#bucket, Key: key, Body: counted, ContentType: contentType },
    }).done();
    return { key, size, sha256: hash.digest('hex'), contentType };
  }

  async get(key: string): Promise<Readable | undefined> {
    assertValidKey(key);
    try {
      const result = await this.#client.send(new GetObjectCommand({ Bucket: this.#bucket, Key: key }));
      return result.Body as Readable;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    assertValidKey(key);
    try {
      await this.#client.send(new HeadObjectCommand({ Bucket: this.#bucket, Key: key }));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    await this.#client.send(new DeleteObjectCommand({ Bucket: this.#bucket, Key: key }));
  }
}
