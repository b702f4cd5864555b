import type { Actor, AuditLog } from '../../platform/audit/audit';
import { changedFields } from '../../platform/audit/changed-fields';
import type { Principal } from '../../platform/auth/principal';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import {
  CommunityTeamsRepo,
  type CommunityTeam,
  type TeamFields,
  type TeamQuery,
} from './community-teams.repo';
import { programErrors } from './program.errors';

/**
 * Use cases for community digital teams. A system admin manages every team; an agency admin or officer
 * manages the teams of their own agency (a ward or commune People's Committee).
 */
export class CommunityTeamsService {
  readonly #repo: CommunityTeamsRepo;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
  ) {
    this.#repo = new CommunityTeamsRepo(db);
  }

  list(query: TeamQuery): Promise<{ items: CommunityTeam[]; total: number }> {
    return this.#repo.list(query);
  }

  async get(id: string): Promise<CommunityTeam> {
    const team = await this.#repo.findById(id);
    if (!team) throw new AppError(programErrors.TEAM_NOT_FOUND);
    return team;
  }

  totals(): Promise<{ teams: number; members: number; units: number }> {
    return this.#repo.totals();
  }

  mapped(limit = 5000): Promise<CommunityTeam[]> {
    return this.#repo.withLocation(limit);
  }

  async create(principal: Principal, fields: TeamFields, actor: Actor): Promise<CommunityTeam> {
    this.#assertManages(principal, fields.agencyId);
    const id = await this.db.transaction().execute(async (trx) => {
      const newId = await this.#repo.insert(trx, fields);
      await this.audit.record(trx, actor, {
        action: 'program.team.created',
        targetType: 'community_team',
        targetId: newId,
        summary: { name: fields.name, adminUnitCode: fields.adminUnitCode },
      });
      return newId;
    });
    return this.get(id);
  }

  async update(
    principal: Principal,
    id: string,
    changes: Partial<TeamFields>,
    actor: Actor,
  ): Promise<CommunityTeam> {
    const before = await this.get(id);
    this.#assertManages(principal, before.agencyId);
    if (changes.agencyId !== undefined) this.#assertManages(principal, changes.agencyId);
    await this.db.transaction().execute(async (trx) => {
      await this.#repo.update(trx, id, changes);
      await this.audit.record(trx, actor, {
        action: 'program.team.updated',
        targetType: 'community_team',
        targetId: id,
        summary: changedFields(before, changes),
      });
    });
    return this.get(id);
  }

  async delete(principal: Principal, id: string, actor: Actor): Promise<void> {
    const before = await this.get(id);
    this.#assertManages(principal, before.agencyId);
    await this.db.transaction().execute(async (trx) => {
      await this.#repo.delete(trx, id);
      await this.audit.record(trx, actor, {
        action: 'program.team.deleted',
        targetType: 'community_team',
        targetId: id,
        summary: { name: before.name },
      });
    });
  }

  /** Demo data: inserts the given teams once (skipped when any team exists). */
  async loadSamples(samples: readonly TeamFields[], actor: Actor): Promise<number> {
    if ((await this.#repo.totals()).teams > 0) return 0;
    await this.db.transaction().execute(async (trx) => {
      for (const sample of samples) await this.#repo.insert(trx, sample);
      await this.audit.record(trx, actor, {
        action: 'program.team.samples_loaded',
        targetType: 'community_team',
        summary: { count: samples.length },
      });
    });
    return samples.length;
  }

  #assertManages(principal: Principal, agencyId: string | null): void {
    if (principal.isSystemAdmin) return;
    const manages =
      agencyId !== null &&
      (principal.hasRole('agency_admin', agencyId) || principal.hasRole('officer', agencyId));
    if (!manages) throw new AppError(programErrors.TEAM_OUTSIDE_SCOPE);
  }
}
