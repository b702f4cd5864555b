import type { FastifyBaseLogger, FastifyPluginAsync } from 'fastify';
import type { AgenciesService } from './agencies/agencies.service';
import type { AuditLog } from './audit/audit';
import type { AuthService } from './auth/auth.service';
import type { UsersService } from './auth/users.service';
import type { WorkingDayCalendar } from './calendar';
import type { Config } from './config';
import type { Database, Db } from './db/database';
import type { MigrationSource } from './db/migrator';
import type { EventBus } from './events/outbox';
import type { AdminUnits } from './geo';
import type { BlobStore } from './files/blob-store';
import type { ErrorCatalogue } from './http/app-error';
import type { Localized } from './i18n/locale';
import type { JobDefinition, JobScheduler } from './jobs/scheduler';
import type { PlatformMqtt } from './mqtt';

/** What the kernel hands every module factory. Modules get nothing else from the platform. */
export interface PlatformServices {
  readonly config: Config;
  readonly database: Database;
  readonly db: Db;
  readonly logger: FastifyBaseLogger;
  readonly audit: AuditLog;
  readonly events: EventBus;
  readonly jobs: JobScheduler;
  readonly blobs: BlobStore;
  readonly agencies: AgenciesService;
  /** Working days: deadlines of reports and dossiers. */
  readonly calendar: WorkingDayCalendar;
  /** Administrative units with effective dates; point lookup. */
  readonly adminUnits: AdminUnits;
  /** Sessions and API tokens: `principalForToken` resolves a token sent outside Authorization (Open311 api_key). */
  readonly auth: AuthService;
  /** Accounts: `contactOf` reaches a person by their account. */
  readonly users: UsersService;
  /** MQTT: the embedded broker or a client of MQTT_URL; started by `startBackground` (docs/mqtt.md). */
  readonly mqtt: PlatformMqtt;
}

/** A figure shown on the portal home: what the platform offers, with a live count. */
export interface ServiceFigure {
  readonly key: string;
  readonly label: Localized;
  readonly count: number;
  /** Where the portal links to (a web route). */
  readonly href: string;
}

/**
 * The shape every domain module returns from its factory (see modules/program for an example).
 * `app.ts` mounts `plugin` under `prefix`, applies `migrations`, lists `errors` in docs/errors.md,
 * registers `jobs`, loads `demo` once on first start and shows `figures` on the portal home.
 */
export interface CitydxModule<Api = unknown> {
  readonly name: string;
  readonly prefix: string;
  readonly plugin: FastifyPluginAsync;
  readonly migrations: MigrationSource;
  readonly errors: ErrorCatalogue;
  readonly api: Api;
  readonly jobs?: readonly JobDefinition[];
  loadDemo?(): Promise<void>;
  figures?(): Promise<ServiceFigure[]>;
}
