import { sql, type RawBuilder } from 'kysely';
import { DATA_SCHEMA } from './identifiers';

/** `opendata_datastore."<resource id>"` for Kysely's sql templates. */
export function dataTable(resourceId: string): RawBuilder<unknown> {
  return sql`${sql.id(DATA_SCHEMA, resourceId)}`;
}
