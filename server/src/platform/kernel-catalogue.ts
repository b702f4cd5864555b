import { fileURLToPath } from 'node:url';
import { agencyErrors } from './agencies/agencies.errors';
import { authErrors } from './auth/auth.errors';
import { calendarErrors } from './calendar';
import { geoErrors } from './geo';
import type { MigrationSource } from './db/migrator';
import type { ErrorCatalogue } from './http/app-error';
import { platformErrors } from './http/platform.errors';

/** The kernel's own migrations (one folder; each kernel area adds its timestamped files there). */
export const kernelMigrations: readonly MigrationSource[] = [
  { owner: 'platform', dir: fileURLToPath(new URL('./migrations', import.meta.url)) },
];

/** The kernel's error catalogues, listed in docs/errors.md with every module's. */
export const kernelErrorCatalogues: Readonly<Record<string, ErrorCatalogue>> = {
  platform: platformErrors,
  auth: authErrors,
  agencies: agencyErrors,
  geo: geoErrors,
  calendar: calendarErrors,
};
