import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyRequest } from 'fastify';
import pino from 'pino';
import { createTestDatabase } from '../../../../test/database';
import { Principal } from '../../../platform/auth/principal';
import type { Database } from '../../../platform/db/database';
import { migrate } from '../../../platform/db/migrator';
import { LocalBlobStore } from '../../../platform/files/local-blob-store';
import type { CatalogAccess } from '../contracts';
import { createDatastore, type Datastore, type DatastoreDeps } from './datastore.module';

/**
 * Test helpers for the DataStore: a migrated database (PGlite or PostgreSQL), a local blob store, and a
 * small real CatalogAccess whose answers the test decides (the catalog is another engineer's module).
 */
export class MemoryCatalogAccess implements CatalogAccess {
  readonly #resources = new Map<string, { isPrivate: boolean; readers: Set<string>; editors: Set<string> }>();

  resource(
    id: string,
    options: { isPrivate?: boolean; readers?: Principal[]; editors?: Principal[] } = {},
  ): string {
    this.#resources.set(id, {
      isPrivate: options.isPrivate ?? false,
      readers: new Set((options.readers ?? []).map((principal) => principal.userId)),
      editors: new Set((options.editors ?? []).map((principal) => principal.userId)),
    });
    return id;
  }

  async readableResource(principal: Principal | null, resourceId: string) {
    const resource = this.#resources.get(resourceId);
    if (!resource) return undefined;
    const member =
      principal !== null &&
      (resource.readers.has(principal.userId) || resource.editors.has(principal.userId));
    return !resource.isPrivate || member
      ? { packageId: `dataset-of-${resourceId}`, isPrivate: resource.isPrivate }
      : undefined;
  }

  async canEditResource(principal: Principal | null, resourceId: string) {
    return principal !== null && (this.#resources.get(resourceId)?.editors.has(principal.userId) ?? false);
  }

  async readableResourceIds(principal: Principal | null) {
    const ids = new Set<string>();
    for (const id of this.#resources.keys()) if (await this.readableResource(principal, id)) ids.add(id);
    return ids;
  }
}

let users = 0;
export function staff(name: string): Principal {
  users += 1;
  return new Principal(
    `00000000-0000-4000-8000-${String(users).padStart(12, '0')}`,
    `${name}@test.citydx`,
    name,
    [],
    'token',
    null,
  );
}

/** Applies this folder's migrations (the opendata module is not wired into the app's list yet). */
export async function applyDatastoreMigrations(database: Database): Promise<void> {
  const source = fileURLToPath(new URL('../migrations', import.meta.url));
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'citydx-datastore-migrations-'));
  for (const name of (await fs.readdir(source)).filter((file) => /_datastore_.*\.sql$/.test(file))) {
    await fs.copyFile(path.join(source, name), path.join(dir, name));
  }
  await migrate(database.db, [{ owner: 'opendata', dir }]);
  await fs.rm(dir, { recursive: true, force: true });
}

export interface Testbed {
  readonly database: Database;
  readonly datastore: Datastore;
  readonly access: MemoryCatalogAccess;
  readonly blobs: LocalBlobStore;
  call(
    action: string,
    params: Record<string, unknown>,
    principal?: Principal | null,
  ): Promise<Record<string, unknown>>;
  /** Stores a file for a resource, announces it, and runs the loads. */
  load(resourceId: string, content: Buffer | string, format?: string): Promise<void>;
  close(): Promise<void>;
}

/** Calls an action as the CKAN dispatcher would (a GET to /api/3/action/<name>). */
async function callAction(
  datastore: Datastore,
  action: string,
  params: Record<string, unknown>,
  principal: Principal | null,
): Promise<Record<string, unknown>> {
  const handler = datastore.actions.find((candidate) => candidate.name === action);
  if (!handler) throw new Error(`no action ${action}`);
  const request = { url: `/api/3/action/${action}` } as FastifyRequest;
  const result = await handler.handle({ params, principal, request, baseUrl: 'http://localhost', files: [] });
  return result as Record<string, unknown>;
}

let files = 0;

/** Stores a file as the catalog would, announces it, and runs the queued loads. */
async function loadFile(
  datastore: Datastore,
  blobs: LocalBlobStore,
  resourceId: string,
  content: Buffer | string,
  format: string,
) {
  files += 1;
  const key = `opendata/${resourceId}/file-${files}.${format}`;
  await blobs.put(key, Buffer.isBuffer(content) ? content : Buffer.from(content), 'application/octet-stream');
  const mimeType = 'application/octet-stream';
  await datastore.hooks.resourceFileStored({ id: resourceId, blobKey: key, format, mimeType });
  await datastore.jobs[0]?.run();
}

export async function createTestbed(tuning: DatastoreDeps['tuning'] = {}): Promise<Testbed> {
  const database = await createTestDatabase();
  await applyDatastoreMigrations(database);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'citydx-datastore-blobs-'));
  const blobs = new LocalBlobStore(dir);
  const access = new MemoryCatalogAccess();
  const logger = pino({ level: 'silent' });
  const datastore = createDatastore({ db: database.db, database, blobs, logger, access, tuning });
  return {
    database,
    datastore,
    access,
    blobs,
    call: (action, params, principal = null) => callAction(datastore, action, params, principal),
    load: (resourceId, content, format = 'csv') => loadFile(datastore, blobs, resourceId, content, format),
    async close() {
      await datastore.idle();
      await database.close();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
