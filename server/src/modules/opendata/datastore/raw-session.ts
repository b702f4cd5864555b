import type { Database } from '../../../platform/db/database';

export type { RawSession } from '../../../platform/db/database';

/** The part of the kernel's `Database` the DataStore needs for COPY and typed result columns. */
export type RawAccess = Pick<Database, 'withRawClient'>;
