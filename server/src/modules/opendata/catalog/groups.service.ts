import type { Actor, AuditLog } from '../../../platform/audit/audit';
import type { Db } from '../../../platform/db/database';
import { CkanError } from '../ckan/ckan-action';
import { readText, ValidationErrors } from '../ckan/ckan-params';
import { validateName } from '../ckan/package.input';
import type { Viewer } from './catalog.access';
import type { Group, GroupFields } from './catalog.model';
import { GroupsRepo } from './groups.repo';

function parseGroup(params: Record<string, unknown>, base: GroupFields | undefined): GroupFields {
  const errors = new ValidationErrors();
  const text = (key: string, fallback: string | null) => {
    const value = readText(params, key, errors);
    return value === undefined ? fallback : value === '' ? null : value;
  };
  const name = text('name', base?.name ?? null);
  if (name === null) errors.add('name', 'Missing value');
  else validateName(name, errors);
  const fields: GroupFields = {
    name: name ?? '',
    title: text('title', base?.title ?? null) ?? name ?? '',
    titleEn: text('title_en', base?.titleEn ?? null),
    description: text('description', base?.description ?? null),
    descriptionEn: text('description_en', base?.descriptionEn ?? null),
    imageUrl: text('image_url', base?.imageUrl ?? null),
  };
  errors.throwIfAny();
  return fields;
}

/** Topic groups (economy, population, …): the catalog's own table, managed by system admins. */
export class GroupsService {
  readonly repo: GroupsRepo;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
  ) {
    this.repo = new GroupsRepo(db);
  }

  async show(idOrName: string): Promise<Group> {
    const group = await this.repo.find(idOrName);
    if (!group) throw CkanError.notFound('Group was not found.');
    return group;
  }

  async create(viewer: Viewer, actor: Actor, params: Record<string, unknown>): Promise<Group> {
    assertSysadmin(viewer, 'User not authorized to create groups');
    const fields = parseGroup(params, undefined);
    if (await this.repo.find(fields.name))
      throw CkanError.invalid({ name: ['Group name already exists in database'] });
    const id = await this.db.transaction().execute(async (trx) => {
      const newId = await this.repo.insert(trx, fields);
      await this.#record(trx, actor, 'created', newId, { name: fields.name, title: fields.title });
      return newId;
    });
    return this.show(id);
  }

  async update(
    viewer: Viewer,
    actor: Actor,
    params: Record<string, unknown>,
    mode: 'update' | 'patch',
  ): Promise<Group> {
    assertSysadmin(viewer, 'User not authorized to edit groups');
    const before = await this.show(String(params.id ?? params.name ?? ''));
    const fields = parseGroup(
      mode === 'update' ? { name: before.name, ...params } : params,
      mode === 'patch' ? before : undefined,
    );
    const clash = await this.repo.find(fields.name);
    if (clash && clash.id !== before.id)
      throw CkanError.invalid({ name: ['Group name already exists in database'] });
    await this.db.transaction().execute(async (trx) => {
      await this.repo.update(trx, before.id, fields);
      await this.#record(trx, actor, 'updated', before.id, { name: fields.name, title: fields.title });
    });
    return this.show(before.id);
  }

  async delete(viewer: Viewer, actor: Actor, idOrName: string): Promise<void> {
    assertSysadmin(viewer, 'User not authorized to delete groups');
    const before = await this.show(idOrName);
    await this.db.transaction().execute(async (trx) => {
      await this.repo.delete(trx, before.id);
      await this.#record(trx, actor, 'deleted', before.id, { name: before.name });
    });
  }

  async #record(
    trx: Parameters<AuditLog['record']>[0],
    actor: Actor,
    verb: string,
    id: string,
    summary: Record<string, unknown>,
  ) {
    await this.audit.record(trx, actor, {
      action: `opendata.group.${verb}`,
      targetType: 'opendata_group',
      targetId: id,
      summary,
    });
  }
}

function assertSysadmin(viewer: Viewer, message: string): void {
  if (!viewer.isSysadmin) throw CkanError.denied(message);
}
