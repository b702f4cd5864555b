import type { Principal } from '../../platform/auth/principal';
import type { PlatformServices } from '../../platform/module-contract';
import { CitizensRepo } from './citizens.repo';
import { Deadlines } from './deadlines';
import { HistoryRepo } from './history.repo';
import { TtlMemo } from './memo';
import { FeedbackNotifications, linksFor, type FeedbackLinks } from './notifications';
import type { FeedbackNotifier } from './notifier.port';
import { PhotosRepo } from './photos.repo';
import { ReportQueries } from './report-queries.repo';
import { ReportsRepo } from './reports.repo';
import { RoutingRepo } from './routing.repo';
import { Workflow } from './workflow';

/** What the feedback module is created with besides the kernel services. */
export interface FeedbackOptions {
  readonly notifier: FeedbackNotifier;
  /**
   * Resolves an Open311 api_key (a kernel API token sent in the form or query string rather than in
   * Authorization) to its user: the kernel's AuthService.
   */
  readonly apiKeys: { principalForToken(token: string): Promise<Principal | null> };
  /** Days after publication during which an "unsatisfied" rating reopens the report (default 7). */
  readonly reopenWindowDays?: number;
  /** Hours before the deadline at which the agency is reminded (default 24). */
  readonly reminderLeadHours?: number;
}

export interface FeedbackSettings {
  readonly reopenWindowDays: number;
  readonly reminderLeadHours: number;
  readonly publicUrl: string;
  readonly publicRatePerMinute: number;
}

export type FeedbackPlatform = Pick<
  PlatformServices,
  | 'config'
  | 'database'
  | 'db'
  | 'audit'
  | 'events'
  | 'blobs'
  | 'agencies'
  | 'calendar'
  | 'adminUnits'
  | 'logger'
>;

/** The module's shared parts, built once by the factory and handed to every service. */
export interface FeedbackContext {
  readonly platform: FeedbackPlatform;
  readonly options: FeedbackOptions;
  readonly settings: FeedbackSettings;
  readonly reports: ReportsRepo;
  readonly queries: ReportQueries;
  readonly routing: RoutingRepo;
  readonly history: HistoryRepo;
  readonly citizens: CitizensRepo;
  readonly photos: PhotosRepo;
  readonly deadlines: Deadlines;
  readonly links: FeedbackLinks;
  readonly notifications: FeedbackNotifications;
  readonly workflow: Workflow;
  /** Agency names for lists (Open311 agency_responsible, the league table): display only, 10 s. */
  readonly agencyNames: TtlMemo<Map<string, { readonly vi: string; readonly en: string | null }>>;
}

// Factories only keep references: the kernel services may be unbound placeholders (test global setup),
// so nothing here may call them.
export function createContext(platform: FeedbackPlatform, options: FeedbackOptions): FeedbackContext {
  const db = platform.db;
  const reports = new ReportsRepo(db);
  const history = new HistoryRepo(db);
  const citizens = new CitizensRepo(db);
  const settings: FeedbackSettings = {
    reopenWindowDays: options.reopenWindowDays ?? 7,
    reminderLeadHours: options.reminderLeadHours ?? 24,
    publicUrl: platform.config?.publicUrl ?? 'http://localhost:8080',
    publicRatePerMinute: platform.config?.publicRatePerMinute ?? 600,
  };
  const links = linksFor(settings.publicUrl);
  const notifications = new FeedbackNotifications(options.notifier, citizens, links);
  return {
    platform,
    options,
    settings,
    reports,
    queries: new ReportQueries(db),
    routing: new RoutingRepo(db),
    history,
    citizens,
    photos: new PhotosRepo(db),
    deadlines: new Deadlines(platform.calendar),
    links,
    notifications,
    workflow: new Workflow(db, reports, history, platform.events, platform.audit, notifications),
    agencyNames: new TtlMemo(10_000, 1),
  };
}
