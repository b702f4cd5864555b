import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { Actor, AuditLog } from '../../../platform/audit/audit';
import type { Db } from '../../../platform/db/database';
import type { BlobStore } from '../../../platform/files/blob-store';
import { CkanError, type CkanUploadedFile } from '../ckan/ckan-action';
import { requireId, ValidationErrors } from '../ckan/ckan-params';
import { parseResource, type ResourceInput } from '../ckan/resource.input';
import type { DatastoreHooks } from '../contracts';
import { canEditOrg, canRead, type Viewer } from './catalog.access';
import type { Resource, ResourceFields } from './catalog.model';
import { DatasetsRepo, isUuid } from './datasets.repo';
import { detectFormat, isTabular, safeFileName } from './formats';
import { assertNotHarvested } from './harvest-lock';
import { blankResource, linkFields, resourceFieldsOf } from './resource-fields';
import { ResourcesRepo } from './resources.repo';

/** Work to do once the transaction has committed (storing to the DataStore, removing old files). */
export type AfterCommit = (() => Promise<void>)[];
type Executor = Kysely<unknown> | Transaction<unknown>;

/** Resources of datasets: links or uploaded files (kept in the blob store), with CKAN's rules. */
export class ResourcesService {
  readonly repo: ResourcesRepo;
  readonly #datasets: DatasetsRepo;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly blobs: BlobStore,
    // A getter: the DataStore is connected after the catalog is built (it needs the catalog's access rules).
    private readonly datastore: () => DatastoreHooks | undefined,
    private readonly logger: FastifyBaseLogger,
  ) {
    this.repo = new ResourcesRepo(db);
    this.#datasets = new DatasetsRepo(db);
  }

  /** The resource and its dataset's access facts, or Not Found for a caller who may not see it. */
  async show(viewer: Viewer, id: string): Promise<Resource & { ownerOrg: string; isPrivate: boolean }> {
    const resource = isUuid(id) ? await this.repo.findById(id) : undefined;
    const head = resource ? await this.#datasets.findHead(resource.datasetId) : undefined;
    if (!resource || !head || !canRead(viewer, head)) throw CkanError.notFound('Resource was not found.');
    return { ...resource, ownerOrg: head.ownerOrg, isPrivate: head.private };
  }

  async create(
    viewer: Viewer,
    actor: Actor,
    params: Record<string, unknown>,
    files: readonly CkanUploadedFile[],
  ): Promise<Resource> {
    const packageId = requireId(params, 'package_id');
    const head = await this.#datasets.findHead(packageId);
    if (!head || !canRead(viewer, head)) throw CkanError.notFound('Dataset not found');
    if (!canEditOrg(viewer, head.ownerOrg))
      throw CkanError.denied(`User not authorized to edit package ${head.id}`);
    await this.#assertNotHarvested(viewer, head.id);
    const errors = new ValidationErrors();
    const input = parseResource(params, errors);
    errors.throwIfAny();
    const id = crypto.randomUUID();
    const upload = files.find((file) => file.fieldName === 'upload');
    const stored = upload ? await this.#store(head.id, id, upload, input) : undefined;
    const fields = stored ?? linkFields(blankResource, input);
    return this.#commit(async (trx, effects) => {
      await this.repo.insert(trx, head.id, fields, id);
      await this.#datasets.touch(trx, head.id);
      await this.#audit(trx, actor, 'created', head.id, {
        resourceId: id,
        name: fields.name,
        format: fields.format,
      });
      if (stored) this.#queueDatastore(effects, id, stored);
      return id;
    }, stored?.blobKey);
  }

  async update(
    viewer: Viewer,
    actor: Actor,
    params: Record<string, unknown>,
    files: readonly CkanUploadedFile[],
    mode: 'update' | 'patch',
  ): Promise<Resource> {
    const before = await this.#editable(viewer, requireId(params));
    const errors = new ValidationErrors();
    const input = parseResource(params, errors);
    errors.throwIfAny();
    const base =
      mode === 'patch'
        ? resourceFieldsOf(before)
        : { ...resourceFieldsOf(before), name: null, description: null, format: '' };
    const upload = files.find((file) => file.fieldName === 'upload');
    const stored = upload ? await this.#store(before.datasetId, before.id, upload, input) : undefined;
    const fields = stored ?? linkFields(base, input);
    return this.#commit(async (trx, effects) => {
      await this.repo.update(trx, before.id, fields, stored !== undefined);
      await this.#datasets.touch(trx, before.datasetId);
      await this.#audit(trx, actor, 'updated', before.datasetId, {
        resourceId: before.id,
        name: fields.name,
      });
      if (before.blobKey && before.blobKey !== fields.blobKey)
        effects.push(() => this.#deleteBlob(before.blobKey));
      if (stored) this.#queueDatastore(effects, before.id, stored);
      return before.id;
    }, stored?.blobKey);
  }

  async delete(viewer: Viewer, actor: Actor, id: string): Promise<void> {
    const before = await this.#editable(viewer, id);
    await this.#commit(async (trx, effects) => {
      await this.repo.delete(trx, before.id);
      await this.#datasets.touch(trx, before.datasetId);
      await this.#audit(trx, actor, 'deleted', before.datasetId, {
        resourceId: before.id,
        name: before.name,
      });
      this.#queueRemoval(effects, before);
      return null;
    });
  }

  /** package_create/update with `resources`: the listed ones are created or changed, others removed. */
  async syncForPackage(
    trx: Executor,
    datasetId: string,
    dicts: readonly Record<string, unknown>[],
    effects: AfterCommit,
  ): Promise<void> {
    const existing = await this.repo.listForDatasets([datasetId], trx);
    const errors = new ValidationErrors();
    const order: string[] = [];
    for (const dict of dicts) {
      if (typeof dict !== 'object' || dict === null || Array.isArray(dict)) {
        errors.add('resources', 'Must be a list of resource dicts');
        continue;
      }
      const input = parseResource(dict, errors);
      const current = existing.find((resource) => resource.id === dict.id);
      if (current)
        await this.repo.update(trx, current.id, linkFields(resourceFieldsOf(current), input), false);
      order.push(current?.id ?? (await this.repo.insert(trx, datasetId, linkFields(blankResource, input))));
    }
    errors.throwIfAny();
    for (const gone of existing.filter((resource) => !order.includes(resource.id))) {
      await this.repo.delete(trx, gone.id);
      this.#queueRemoval(effects, gone);
    }
    await this.repo.reorder(trx, datasetId, order);
    await this.#datasets.touch(trx, datasetId);
  }

  async runEffects(effects: AfterCommit): Promise<void> {
    for (const effect of effects) {
      // The change is committed: a failing side job is logged, never reported as a failed call.
      await effect().catch((error: unknown) =>
        this.logger.error({ err: error }, 'opendata: after-commit work failed'),
      );
    }
  }

  /** The stored file of an uploaded resource, for a caller who may read it. */
  async file(
    viewer: Viewer,
    datasetId: string,
    resourceId: string,
  ): Promise<{ resource: Resource; body: Readable }> {
    const resource = await this.show(viewer, resourceId).catch(() => undefined);
    const body =
      resource?.blobKey && resource.datasetId === datasetId
        ? await this.blobs.get(resource.blobKey)
        : undefined;
    if (!resource || !body) throw CkanError.notFound('Resource was not found.');
    return { resource, body };
  }

  async #editable(viewer: Viewer, id: string): Promise<Resource & { ownerOrg: string }> {
    const resource = await this.show(viewer, id);
    if (!canEditOrg(viewer, resource.ownerOrg))
      throw CkanError.denied(`User not authorized to edit resource ${id}`);
    await this.#assertNotHarvested(viewer, resource.datasetId);
    return resource;
  }

  /** Resources of a harvested dataset are the source's: only the harvester changes them. */
  async #assertNotHarvested(viewer: Viewer, datasetId: string): Promise<void> {
    const [dataset] = await this.#datasets.loadMany([datasetId]);
    if (dataset) assertNotHarvested(viewer, dataset);
  }

  /** Streams the spooled upload into the blob store; size and SHA-256 are measured on the way. */
  async #store(
    datasetId: string,
    resourceId: string,
    upload: CkanUploadedFile,
    input: ResourceInput,
  ): Promise<ResourceFields> {
    const fileName = safeFileName(upload.fileName);
    // A fresh key per version: the previous file stays readable until the new row commits.
    const key = `opendata/${datasetId}/${resourceId}/${crypto.randomBytes(4).toString('hex')}/${fileName}`;
    const detected = detectFormat(fileName, upload.mimeType);
    const mimetype = input.mimetype ?? detected.mimetype ?? upload.mimeType;
    const stored = await this.blobs.put(
      key,
      fs.createReadStream(upload.path),
      mimetype ?? 'application/octet-stream',
    );
    return {
      name: input.name ?? upload.fileName,
      description: input.description ?? null,
      url: fileName,
      urlType: 'upload',
      format: input.format || detected.format,
      mimetype: mimetype ?? null,
      size: stored.size,
      hash: stored.sha256,
      blobKey: key,
    };
  }

  async #commit(
    work: (trx: Transaction<unknown>, effects: AfterCommit) => Promise<string | null>,
    newBlob?: string | null,
  ): Promise<Resource> {
    const effects: AfterCommit = [];
    let id: string | null;
    try {
      id = await this.db.transaction().execute((trx) => work(trx, effects));
    } catch (error) {
      if (newBlob) await this.#deleteBlob(newBlob);
      throw error;
    }
    await this.runEffects(effects);
    const resource = id ? await this.repo.findById(id) : undefined;
    return resource as Resource;
  }

  #queueDatastore(effects: AfterCommit, id: string, fields: ResourceFields): void {
    const hooks = this.datastore();
    if (!hooks || !fields.blobKey || !isTabular(fields.format, fields.mimetype)) return;
    const blobKey = fields.blobKey;
    effects.push(() =>
      hooks.resourceFileStored({
        id,
        blobKey,
        format: fields.format,
        mimeType: fields.mimetype ?? 'text/csv',
      }),
    );
  }

  #queueRemoval(effects: AfterCommit, resource: Resource): void {
    const hooks = this.datastore();
    if (hooks) effects.push(() => hooks.resourceDeleted(resource.id));
    if (resource.blobKey) effects.push(() => this.#deleteBlob(resource.blobKey));
  }

  async #deleteBlob(key: string | null): Promise<void> {
    if (key) await this.blobs.delete(key);
  }

  async #audit(
    trx: Executor,
    actor: Actor,
    verb: string,
    datasetId: string,
    summary: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(trx, actor, {
      action: `opendata.resource.${verb}`,
      targetType: 'opendata_dataset',
      targetId: datasetId,
      summary,
    });
  }
}
