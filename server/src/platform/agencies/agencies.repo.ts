import { sql, type Generated, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Db } from '../db/database';

export const agencyKinds = [
  'people_committee',
  'department',
  'commune_committee',
  'public_service_unit',
  'other',
] as const;
export type AgencyKind = (typeof agencyKinds)[number];

export type AgencyTables = {
  'platform.agencies': {
    id: Generated<string>;
    code: string;
    name_vi: string;
    name_en: string | null;
    kind: AgencyKind;
    parent_id: string | null;
    email: string | null;
    phone: string | null;
    address: string | null;
    website: string | null;
    head_user_id: string | null;
    admin_unit_code: string | null;
    active: Generated<boolean>;
    note: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
};

export interface AgencyRow {
  readonly id: string;
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string | null;
  readonly kind: AgencyKind;
  readonly parentId: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly address: string | null;
  readonly website: string | null;
  readonly headUserId: string | null;
  readonly adminUnitCode: string | null;
  readonly active: boolean;
  readonly note: string | null;
  readonly childCount: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export type AgencyFields = Omit<AgencyRow, 'id' | 'childCount' | 'createdAt' | 'updatedAt'>;

export interface AgencyQuery {
  readonly q?: string;
  readonly kind?: AgencyKind;
  readonly parentId?: string;
  readonly active?: boolean;
  readonly limit: number;
  readonly offset: number;
}

type Executor = Kysely<unknown> | Transaction<unknown>;

const columns = {
  code: 'code',
  nameVi: 'name_vi',
  nameEn: 'name_en',
  kind: 'kind',
  parentId: 'parent_id',
  email: 'email',
  phone: 'phone',
  address: 'address',
  website: 'website',
  headUserId: 'head_user_id',
  adminUnitCode: 'admin_unit_code',
  active: 'active',
  note: 'note',
} as const satisfies Record<keyof AgencyFields, string>;

function toColumns(fields: Partial<AgencyFields>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(columns)) {
    const value = fields[key as keyof AgencyFields];
    if (value !== undefined) row[column] = value;
  }
  return row;
}

/** The only SQL over platform.agencies. */
export class AgenciesRepo {
  constructor(private readonly db: Db) {}

  #tables(executor: Executor = this.db) {
    return executor.withTables<AgencyTables>();
  }

  #select(executor: Executor = this.db) {
    return this.#tables(executor)
      .selectFrom('platform.agencies as a')
      .selectAll('a')
      .select((eb) =>
        eb
          .selectFrom('platform.agencies as c')
          .whereRef('c.parent_id', '=', 'a.id')
          .select((inner) => inner.fn.countAll<number>().as('n'))
          .as('child_count'),
      );
  }

  async list(query: AgencyQuery): Promise<{ items: AgencyRow[]; total: number }> {
    let select = this.#tables().selectFrom('platform.agencies as a');
    if (query.q) {
      const pattern = `%${query.q.replace(/[%_\\]/g, '\\$&')}%`;
      select = select.where((eb) =>
        eb.or([
          eb(sql`platform.search_key(a.name_vi)`, 'like', sql<string>`platform.search_key(${pattern})`),
          eb('a.name_en', 'ilike', pattern),
          eb('a.code', 'ilike', pattern),
        ]),
      );
    }
    if (query.kind) select = select.where('a.kind', '=', query.kind);
    if (query.parentId) select = select.where('a.parent_id', '=', query.parentId);
    if (query.active !== undefined) select = select.where('a.active', '=', query.active);
    const ids = select.select('a.id');
    const [rows, count] = await Promise.all([
      this.#select()
        .where('a.id', 'in', ids)
        .orderBy('a.kind')
        .orderBy('a.name_vi')
        .limit(query.limit)
        .offset(query.offset)
        .execute(),
      select.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toAgency), total: Number(count.total) };
  }

  async findById(id: string, executor: Executor = this.db): Promise<AgencyRow | undefined> {
    const row = await this.#select(executor).where('a.id', '=', id).executeTakeFirst();
    return row ? toAgency(row) : undefined;
  }

  async findByCode(code: string): Promise<AgencyRow | undefined> {
    const row = await this.#select().where('a.code', '=', code).executeTakeFirst();
    return row ? toAgency(row) : undefined;
  }

  /** Ids of the agency's ancestors, nearest first (used to refuse cycles). */
  async ancestorIds(executor: Executor, id: string): Promise<string[]> {
    const result = await sql<{ id: string }>`
      with recursive chain(id, parent_id, depth) as (
        select id, parent_id, 0 from platform.agencies where id = ${id}
        union all
        select a.id, a.parent_id, chain.depth + 1 from platform.agencies a join chain on a.id = chain.parent_id
        where chain.depth < 50)
      select id from chain where depth > 0 order by depth`.execute(executor);
    return result.rows.map((row) => row.id);
  }

  async insert(executor: Executor, fields: AgencyFields): Promise<string> {
    const row = await this.#tables(executor)
      .insertInto('platform.agencies')
      .values(toColumns(fields) as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async update(executor: Executor, id: string, fields: Partial<AgencyFields>): Promise<void> {
    await this.#tables(executor)
      .updateTable('platform.agencies')
      .set({ ...toColumns(fields), updated_at: sql<Date>`now()` } as never)
      .where('id', '=', id)
      .execute();
  }

  async delete(executor: Executor, id: string): Promise<void> {
    await this.#tables(executor).deleteFrom('platform.agencies').where('id', '=', id).execute();
  }

  async count(): Promise<number> {
    const row = await this.#tables()
      .selectFrom('platform.agencies')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('active', '=', true)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

type AgencyRecord = Selectable<AgencyTables['platform.agencies']> & { child_count: number | null };

function toAgency(row: AgencyRecord): AgencyRow {
  return {
    id: row.id,
    code: row.code,
    nameVi: row.name_vi,
    nameEn: row.name_en,
    kind: row.kind,
    parentId: row.parent_id,
    email: row.email,
    phone: row.phone,
    address: row.address,
    website: row.website,
    headUserId: row.head_user_id,
    adminUnitCode: row.admin_unit_code,
    active: row.active,
    note: row.note,
    childCount: Number(row.child_count ?? 0),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
