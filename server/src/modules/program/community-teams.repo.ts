import { sql, type Generated, type Selectable } from 'kysely';
import type { Db } from '../../platform/db/database';

type ProgramTables = {
  'program.community_teams': {
    id: Generated<string>;
    name: string;
    admin_unit_code: string | null;
    agency_id: string | null;
    leader_name: string | null;
    contact_phone: string | null;
    member_count: number;
    established_on: string | null;
    latitude: number | null;
    longitude: number | null;
    is_sample: Generated<boolean>;
    note: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
};

export interface CommunityTeam {
  readonly id: string;
  readonly name: string;
  readonly adminUnitCode: string | null;
  readonly agencyId: string | null;
  readonly leaderName: string | null;
  readonly contactPhone: string | null;
  readonly memberCount: number;
  readonly establishedOn: string | null;
  readonly location: { readonly latitude: number; readonly longitude: number } | null;
  readonly isSample: boolean;
  readonly note: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export type TeamFields = Omit<CommunityTeam, 'id' | 'createdAt' | 'updatedAt'>;

export interface TeamQuery {
  readonly q?: string;
  readonly adminUnitCode?: string;
  readonly agencyId?: string;
  readonly limit: number;
  readonly offset: number;
}

function toRow(fields: Partial<TeamFields>) {
  return {
    ...(fields.name !== undefined ? { name: fields.name } : {}),
    ...(fields.adminUnitCode !== undefined ? { admin_unit_code: fields.adminUnitCode } : {}),
    ...(fields.agencyId !== undefined ? { agency_id: fields.agencyId } : {}),
    ...(fields.leaderName !== undefined ? { leader_name: fields.leaderName } : {}),
    ...(fields.contactPhone !== undefined ? { contact_phone: fields.contactPhone } : {}),
    ...(fields.memberCount !== undefined ? { member_count: fields.memberCount } : {}),
    ...(fields.establishedOn !== undefined ? { established_on: fields.establishedOn } : {}),
    ...(fields.location !== undefined
      ? { latitude: fields.location?.latitude ?? null, longitude: fields.location?.longitude ?? null }
      : {}),
    ...(fields.isSample !== undefined ? { is_sample: fields.isSample } : {}),
    ...(fields.note !== undefined ? { note: fields.note } : {}),
  };
}

function toTeam(row: Selectable<ProgramTables['program.community_teams']>): CommunityTeam {
  return {
    id: row.id,
    name: row.name,
    adminUnitCode: row.admin_unit_code,
    agencyId: row.agency_id,
    leaderName: row.leader_name,
    contactPhone: row.contact_phone,
    memberCount: row.member_count,
    establishedOn: row.established_on,
    location:
      row.latitude !== null && row.longitude !== null
        ? { latitude: row.latitude, longitude: row.longitude }
        : null,
    isSample: row.is_sample,
    note: row.note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The only SQL over program.community_teams. */
export class CommunityTeamsRepo {
  constructor(private readonly db: Db) {}

  #tables(executor: Db = this.db) {
    return executor.withTables<ProgramTables>();
  }

  async list(query: TeamQuery): Promise<{ items: CommunityTeam[]; total: number }> {
    let select = this.#tables().selectFrom('program.community_teams');
    if (query.q) {
      select = select.where(
        sql`platform.search_key(name)`,
        'like',
        sql<string>`'%' || platform.search_key(${query.q}) || '%'`,
      );
    }
    if (query.adminUnitCode) select = select.where('admin_unit_code', '=', query.adminUnitCode);
    if (query.agencyId) select = select.where('agency_id', '=', query.agencyId);
    const [rows, count] = await Promise.all([
      select.selectAll().orderBy('name').limit(query.limit).offset(query.offset).execute(),
      select.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toTeam), total: Number(count.total) };
  }

  async findById(id: string, executor: Db = this.db): Promise<CommunityTeam | undefined> {
    const row = await this.#tables(executor)
      .selectFrom('program.community_teams')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toTeam(row) : undefined;
  }

  async insert(executor: Db, fields: TeamFields): Promise<string> {
    const row = await this.#tables(executor)
      .insertInto('program.community_teams')
      .values(toRow(fields) as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async update(executor: Db, id: string, fields: Partial<TeamFields>): Promise<void> {
    await this.#tables(executor)
      .updateTable('program.community_teams')
      .set({ ...toRow(fields), updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
  }

  async delete(executor: Db, id: string): Promise<void> {
    await this.#tables(executor).deleteFrom('program.community_teams').where('id', '=', id).execute();
  }

  async totals(): Promise<{ teams: number; members: number; units: number }> {
    const row = await this.#tables()
      .selectFrom('program.community_teams')
      .select((eb) => [
        eb.fn.countAll<number>().as('teams'),
        eb.fn.coalesce(eb.fn.sum<number>('member_count'), sql<number>`0`).as('members'),
        eb.fn.count<number>('admin_unit_code').distinct().as('units'),
      ])
      .executeTakeFirstOrThrow();
    return { teams: Number(row.teams), members: Number(row.members), units: Number(row.units) };
  }

  async withLocation(limit: number): Promise<CommunityTeam[]> {
    const rows = await this.#tables()
      .selectFrom('program.community_teams')
      .selectAll()
      .where('latitude', 'is not', null)
      .orderBy('name')
      .limit(limit)
      .execute();
    return rows.map(toTeam);
  }
}
