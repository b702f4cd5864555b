import type { RawBuilder } from 'kysely';
import type { Database } from '../../../platform/db/database';

/**
 * Runs the catalog's hot statements (search, the page's dicts) through the kernel's prepared
 * statements: on PostgreSQL each pooled connection parses a text once and may keep its plan instead of
 * planning the same text on every request; PGlite runs them as ordinary queries.
 */
export class PreparedStatements {
  constructor(private readonly database: Pick<Database, 'db' | 'prepared'>) {}

  rows<T>(query: RawBuilder<T>): Promise<T[]> {
    const compiled = query.compile(this.database.db);
    return this.database.prepared<T>(compiled.sql, compiled.parameters);
  }
}
