import type { Actor, AuditLog } from '../audit/audit';
import { changedFields } from '../audit/changed-fields';
import type { Principal } from '../auth/principal';
import { authErrors } from '../auth/auth.errors';
import type { Db } from '../db/database';
import { AppError } from '../http/app-error';
import { agencyErrors } from './agencies.errors';
import { AgenciesRepo, type AgencyFields, type AgencyQuery, type AgencyRow } from './agencies.repo';

// Fields an agency's own administrator may keep current; structure (code, kind, parent) is the city's.
const contactFields = ['email', 'phone', 'address', 'website', 'headUserId', 'note'] as const;

/** The city's organisation tree: People's Committee, departments, commune committees, service units. */
export class AgenciesService {
  readonly #repo: AgenciesRepo;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
  ) {
    this.#repo = new AgenciesRepo(db);
  }

  list(query: AgencyQuery): Promise<{ items: AgencyRow[]; total: number }> {
    return this.#repo.list(query);
  }

  async get(id: string): Promise<AgencyRow> {
    const agency = await this.#repo.findById(id);
    if (!agency) throw new AppError(agencyErrors.NOT_FOUND);
    return agency;
  }

  findByCode(code: string): Promise<AgencyRow | undefined> {
    return this.#repo.findByCode(code);
  }

  count(): Promise<number> {
    return this.#repo.count();
  }

  async create(fields: AgencyFields, actor: Actor): Promise<AgencyRow> {
    const id = await this.db.transaction().execute(async (trx) => {
      if (fields.parentId && !(await this.#repo.findById(fields.parentId, trx)))
        throw new AppError(agencyErrors.PARENT_NOT_FOUND);
      const newId = await this.#repo
        .insert(trx, fields)
        .catch((error: unknown) => rethrowCodeTaken(error, fields.code));
      await this.audit.record(trx, actor, {
        action: 'agency.created',
        targetType: 'agency',
        targetId: newId,
        summary: { ...fields },
      });
      return newId;
    });
    return this.get(id);
  }

  async update(
    principal: Principal,
    id: string,
    changes: Partial<AgencyFields>,
    actor: Actor,
  ): Promise<AgencyRow> {
    const before = await this.get(id);
    this.#assertMayChange(principal, before, changes);
    await this.db.transaction().execute(async (trx) => {
      if (changes.parentId) await this.#assertValidParent(trx, id, changes.parentId);
      await this.#repo
        .update(trx, id, changes)
        .catch((error: unknown) => rethrowCodeTaken(error, changes.code ?? before.code));
      await this.audit.record(trx, actor, {
        action: 'agency.updated',
        targetType: 'agency',
        targetId: id,
        summary: changedFields(before, changes),
      });
    });
    return this.get(id);
  }

  async delete(id: string, actor: Actor): Promise<void> {
    const before = await this.get(id);
    if (before.childCount > 0) throw new AppError(agencyErrors.HAS_CHILDREN);
    await this.db.transaction().execute(async (trx) => {
      await this.#repo.delete(trx, id);
      await this.audit.record(trx, actor, {
        action: 'agency.deleted',
        targetType: 'agency',
        targetId: id,
        summary: { code: before.code, nameVi: before.nameVi },
      });
    });
  }

  #assertMayChange(principal: Principal, agency: AgencyRow, changes: Partial<AgencyFields>): void {
    if (principal.isSystemAdmin) return;
    const onlyContacts = Object.keys(changes).every((key) =>
      (contactFields as readonly string[]).includes(key),
    );
    if (!onlyContacts || !principal.hasRole('agency_admin', agency.id))
      throw new AppError(authErrors.FORBIDDEN);
  }

  async #assertValidParent(
    executor: Parameters<AgenciesRepo['ancestorIds']>[0],
    id: string,
    parentId: string,
  ): Promise<void> {
    if (parentId === id) throw new AppError(agencyErrors.CYCLE);
    if (!(await this.#repo.findById(parentId, executor))) throw new AppError(agencyErrors.PARENT_NOT_FOUND);
    if ((await this.#repo.ancestorIds(executor, parentId)).includes(id))
      throw new AppError(agencyErrors.CYCLE);
  }
}

function rethrowCodeTaken(error: unknown, code: string): never {
  if ((error as { code?: string }).code === '23505')
    throw new AppError(agencyErrors.CODE_TAKEN, { code }, { code });
  throw error;
}
