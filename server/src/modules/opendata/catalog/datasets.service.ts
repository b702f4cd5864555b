import type { Transaction } from 'kysely';
import type { Actor, AuditLog } from '../../../platform/audit/audit';
import type { Db } from '../../../platform/db/database';
import { CkanError } from '../ckan/ckan-action';
import { ValidationErrors } from '../ckan/ckan-params';
import type { PackageInput } from '../ckan/package.input';
import { canEditOrg, canRead, type Viewer } from './catalog.access';
import type { Dataset, DatasetFields } from './catalog.model';
import { DatasetsRepo } from './datasets.repo';
import { GroupsRepo } from './groups.repo';
import { assertNotHarvested } from './harvest-lock';
import type { Organizations } from './organizations';
import type { PreparedStatements } from './prepared';
import type { AfterCommit, ResourcesService } from './resources.service';

const emptyFields: Omit<DatasetFields, 'name' | 'ownerOrg'> = {
  title: '',
  titleEn: null,
  notes: null,
  notesEn: null,
  licenseId: null,
  private: false,
  state: 'active',
  author: null,
  authorEmail: null,
  maintainer: null,
  maintainerEmail: null,
  url: null,
  version: null,
  frequency: null,
  temporalStart: null,
  temporalEnd: null,
  spatialCoverage: null,
  isSample: false,
  tags: [],
  groupIds: [],
  extras: [],
};

/** The editable fields of a stored dataset (the base a patch applies to). */
export function fieldsOf(dataset: Dataset): DatasetFields {
  const {
    id: _id,
    orgTitle: _o,
    creatorUserId: _c,
    created: _cr,
    modified: _m,
    resources: _r,
    ...fields
  } = dataset;
  return fields;
}

// Over the editable fields only: `after` also carries derived values (the organisation's title), which
// are not the editor's change.
function diff(before: DatasetFields, after: DatasetFields): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(before) as (keyof DatasetFields)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      changes[key] = { before: before[key], after: after[key] };
  }
  return changes;
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === '23505';
}

/**
 * Dataset use cases with CKAN's rules: editors of the owning agency (data_publisher, agency_admin)
 * and system admins write; every change is audited in the same transaction.
 */
export class DatasetsService {
  readonly repo: DatasetsRepo;
  readonly #groups: GroupsRepo;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly orgs: Organizations,
    private readonly resources: ResourcesService,
    statements?: PreparedStatements,
  ) {
    this.repo = new DatasetsRepo(db, statements);
    this.#groups = new GroupsRepo(db);
  }

  /** The dataset, or Not Found when it does not exist or the caller may not see it. */
  async show(viewer: Viewer, idOrName: string): Promise<Dataset> {
    const head = await this.repo.findHead(idOrName);
    if (!head || !canRead(viewer, head)) throw CkanError.notFound();
    const [dataset] = await this.repo.loadMany([head.id]);
    if (!dataset) throw CkanError.notFound();
    return dataset;
  }

  async create(viewer: Viewer, actor: Actor, input: PackageInput): Promise<Dataset> {
    assertMayPublish(viewer, 'User not authorized to create packages');
    const errors = new ValidationErrors();
    if (!input.fields.name) errors.add('name', 'Missing value');
    if (!input.ownerOrg) errors.add('owner_org', 'Missing value');
    const fields = await this.#resolve(viewer, { ...emptyFields, ...input.fields }, input, errors);
    if (fields.name && (await this.repo.findHead(fields.name)))
      errors.add('name', 'That URL is already in use.');
    errors.throwIfAny();
    const id = await this.#write(async (trx, effects) => {
      const newId = await this.repo.insert(trx, fields, fields.orgTitle, viewer.userId);
      if (input.resources) await this.resources.syncForPackage(trx, newId, input.resources, effects);
      await this.audit.record(trx, actor, {
        action: 'opendata.dataset.created',
        targetType: 'opendata_dataset',
        targetId: newId,
        summary: { name: fields.name, title: fields.title, state: fields.state, private: fields.private },
      });
      return newId;
    });
    return this.#reload(id);
  }

  /** package_update (absent fields are cleared, absent `resources` kept) or package_patch (merged). */
  async update(
    viewer: Viewer,
    actor: Actor,
    idOrName: string,
    input: PackageInput,
    mode: 'update' | 'patch',
  ): Promise<Dataset> {
    const before = await this.#editable(viewer, idOrName);
    const base =
      mode === 'patch'
        ? fieldsOf(before)
        : { ...emptyFields, name: before.name, ownerOrg: before.ownerOrg, isSample: before.isSample };
    const errors = new ValidationErrors();
    const fields = await this.#resolve(viewer, { ...base, ...input.fields }, input, errors);
    const sameName = await this.repo.findHead(fields.name);
    if (sameName && sameName.id !== before.id) errors.add('name', 'That URL is already in use.');
    errors.throwIfAny();
    await this.#write(async (trx, effects) => {
      await this.repo.update(trx, before.id, fields, fields.orgTitle);
      if (input.resources) await this.resources.syncForPackage(trx, before.id, input.resources, effects);
      await this.audit.record(trx, actor, {
        action: 'opendata.dataset.updated',
        targetType: 'opendata_dataset',
        targetId: before.id,
        summary: diff(fieldsOf(before), fields),
      });
    });
    return this.#reload(before.id);
  }

  /** CKAN's package_delete: the dataset is marked deleted (only its editors still see it). */
  async delete(viewer: Viewer, actor: Actor, idOrName: string): Promise<void> {
    const before = await this.#editable(viewer, idOrName);
    await this.#write(async (trx) => {
      await this.repo.setState(trx, before.id, 'deleted');
      await this.audit.record(trx, actor, {
        action: 'opendata.dataset.deleted',
        targetType: 'opendata_dataset',
        targetId: before.id,
        summary: { name: before.name, state: { before: before.state, after: 'deleted' } },
      });
    });
  }

  async #editable(viewer: Viewer, idOrName: string): Promise<Dataset> {
    assertMayPublish(viewer, 'User not authorized to edit packages');
    const dataset = await this.show(viewer, idOrName);
    if (!canEditOrg(viewer, dataset.ownerOrg))
      throw CkanError.denied(`User not authorized to edit package ${dataset.id}`);
    assertNotHarvested(viewer, dataset);
    return dataset;
  }

  /** Resolves the organisation and groups and checks the caller may publish for that organisation. */
  async #resolve(
    viewer: Viewer,
    fields: Omit<DatasetFields, 'ownerOrg' | 'name'> & { name?: string; ownerOrg?: string },
    input: PackageInput,
    errors: ValidationErrors,
  ): Promise<DatasetFields & { orgTitle: string }> {
    const orgRef = input.ownerOrg ?? fields.ownerOrg;
    const agency = orgRef ? await this.orgs.find(orgRef) : undefined;
    if (orgRef && !agency) errors.add('owner_org', 'Organization does not exist');
    if (input.groups) {
      const groupIds: string[] = [];
      for (const ref of input.groups) {
        const group = await this.#groups.find(ref);
        if (group) groupIds.push(group.id);
        else errors.add('groups', 'That group name or ID does not exist.');
      }
      fields = { ...fields, groupIds };
    }
    if (fields.temporalStart && fields.temporalEnd && fields.temporalStart > fields.temporalEnd)
      errors.add('temporal_end', 'End date must not be before the start date');
    if (agency && !canEditOrg(viewer, agency.id)) {
      errors.throwIfAny();
      throw CkanError.denied('User not authorized to add dataset to this organization');
    }
    return {
      ...fields,
      name: fields.name ?? '',
      ownerOrg: agency?.id ?? '',
      orgTitle: agency?.nameVi ?? '',
    } as DatasetFields & {
      orgTitle: string;
    };
  }

  /** Runs `work` in a transaction, then the effects it queued for after the commit (blobs, DataStore). */
  async #write<T>(work: (trx: Transaction<unknown>, effects: AfterCommit) => Promise<T>): Promise<T> {
    const effects: AfterCommit = [];
    let result: T;
    try {
      result = await this.db.transaction().execute((trx) => work(trx, effects));
    } catch (error) {
      if (isUniqueViolation(error)) throw CkanError.invalid({ name: ['That URL is already in use.'] });
      throw error;
    }
    await this.resources.runEffects(effects);
    return result;
  }

  async #reload(id: string): Promise<Dataset> {
    const [dataset] = await this.repo.loadMany([id]);
    if (!dataset) throw CkanError.notFound();
    return dataset;
  }
}

function assertMayPublish(viewer: Viewer, message: string): void {
  const publishes = viewer.editableOrgs === 'all' || viewer.editableOrgs.length > 0;
  if (!publishes) throw CkanError.denied(message);
}
