import { describe, expect, it } from 'vitest';
import { checkQuery } from './sql-policy';

const refusal = (sql: string) => {
  try {
    checkQuery(sql);
  } catch (error) {
    return (error as { fields: { query?: string[]; sql?: string[] } }).fields;
  }
  return undefined;
};

describe('checkQuery (the lexical policy of datastore_search_sql)', () => {
  it('accepts one SELECT, with CTEs, aliases, casts, window functions and ; or -- inside strings', () => {
    const accepted = [
      `SELECT * FROM "abc" WHERE "tên" = 'a; b' -- ; comment`,
      `with t(a) as (select 1), u as materialized (select 2) select count(*), sum(a) filter (where a > 0) from t, u;`,
      `select x::numeric(10, 2), cast(y as varchar(20)), row_number() over (partition by z order by x) from v as w(x, y, z)`,
      `select $$it's; fine$$, E'it\\'s; fine', "a""b" from t where a in (select b from u) and exists (select 1)`,
      `select platform.search_key(ten), pg_catalog.lower(ten) from t /* nested /* comment; */ still */`,
    ];
    for (const sql of accepted) expect([sql, refusal(sql)]).toEqual([sql, undefined]);
  });

  it('refuses several statements and anything but SELECT', () => {
    expect(refusal('select 1; select 2')).toEqual({ query: ['Query is not a single statement.'] });
    expect(refusal('select 1; drop table x;')).toEqual({ query: ['Query is not a single statement.'] });
    expect(refusal('INSERT INTO t VALUES (1)')).toEqual({ query: ['Only SELECT statements are allowed'] });
    expect(refusal('with x as (delete from t returning *) select * from x')?.query?.[0]).toContain('DELETE');
    expect(refusal('select * into copy_of from t')?.query?.[0]).toContain('INTO');
    expect(refusal('select * from t for update')?.query?.[0]).toContain('UPDATE');
    expect(
      refusal('with recursive r(n) as (select 1 union all select n + 1 from r) select count(*) from r')
        ?.query?.[0],
    ).toContain('RECURSIVE');
    expect(refusal('   ')).toEqual({ sql: ['Missing value'] });
  });

  it('refuses functions outside the allowlist however they are spelled', () => {
    for (const sql of [
      'select pg_sleep(10)',
      'select "pg_sleep"(10)',
      'select PG_CATALOG.pg_sleep (10)',
      `select set_config('statement_timeout', '0', false)`,
      `select * from pg_read_file('/etc/passwd')`,
      `select query_to_xml('select * from platform.users', true, true, '')`,
      'select count(*) from generate_series(1, 1000000000)',
      `select a, pg_advisory_lock(1) as s from t`,
      `select public.unaccent(x) from t`,
    ]) {
      expect([sql, refusal(sql)?.query?.[0]]).toEqual([
        sql,
        expect.stringContaining('Not allowed to call Postgres function'),
      ]);
    }
  });

  it('refuses hidden names and catalog lookups', () => {
    expect(refusal(`select U&"\\0070g_sleep"(1)`)?.query?.[0]).toContain('Unicode');
    expect(refusal(`select 'pg_authid'::regclass`)?.query?.[0]).toContain('regclass');
    expect(refusal('select * from t where a = $1')?.query?.[0]).toContain('Parameters');
    expect(refusal(`select 'never closed`)?.query?.[0]).toContain('unterminated');
  });

  it('reads CKAN’s public."<resource>" as a DataStore table', () => {
    expect(checkQuery('SELECT * FROM public."abc" JOIN "public".def ON true;')).toBe(
      'SELECT * FROM opendata_datastore."abc" JOIN opendata_datastore.def ON true',
    );
  });
});
