import crypto from 'node:crypto';
import type { RawBuilder } from 'kysely';
import type { Database } from '../../../platform/db/database';

// A connection keeps what it prepared until it closes. The catalog's statement shapes are few, but
// they follow request parameters (how many filters, which facets), so past this many distinct texts a
// statement runs unprepared rather than growing every connection's cache without end.
const MAX_PREPARED = 200;

/**
 * Runs the catalog's hot statements (search, the page's dicts) as named prepared statements on
 * PostgreSQL: each pooled connection parses a text once, and PostgreSQL may keep its plan instead of
 * planning the same text on every request. PGlite runs them as ordinary queries.
 */
export class PreparedStatements {
  readonly #names = new Map<string, string>();

  constructor(private readonly database: Pick<Database, 'kind' | 'db' | 'withRawClient'>) {}

  async rows<T>(query: RawBuilder<T>): Promise<T[]> {
    const compiled = query.compile(this.database.db);
    const name = this.database.kind === 'postgres' ? this.#nameOf(compiled.sql) : undefined;
    if (name === undefined) return (await this.database.db.executeQuery<T>(compiled)).rows;
    return this.database.withRawClient(async (session) => {
      if (session.kind !== 'postgres') throw new Error('prepared statements need a PostgreSQL session');
      const result = await session.client.query<T & object>({
        name,
        text: compiled.sql,
        values: [...compiled.parameters],
      });
      return result.rows;
    });
  }

  #nameOf(text: string): string | undefined {
    const known = this.#names.get(text);
    if (known !== undefined || this.#names.size >= MAX_PREPARED) return known;
    const name = `opendata_${crypto.createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    this.#names.set(text, name);
    return name;
  }
}
