import type { Role } from '../features/auth/roles';
import {
  agencyRoles as feedbackAgencyRoles,
  hubRoles as feedbackHubRoles,
} from '../features/feedback-console/feedback-labels';
import type { appMessages } from './app.i18n';

type AppMessageKey = keyof (typeof appMessages)['vi'];

export interface ConsoleNavItem {
  readonly path: string;
  readonly label: AppMessageKey;
  /** Roles that may open the page; absent = every signed-in user. Mirrors the API's access rules. */
  readonly roles?: readonly Role[];
}

const admins: readonly Role[] = ['system_admin', 'agency_admin'];
const sensorsStaff: readonly Role[] = [
  'system_admin',
  'call_center_operator',
  'agency_admin',
  'officer',
  'viewer',
];

export const consoleNav: readonly ConsoleNavItem[] = [
  { path: '/console', label: 'dashboard' },
  { path: '/console/users', label: 'users', roles: admins },
  { path: '/console/roles', label: 'roles', roles: admins },
  { path: '/console/agencies', label: 'agencies' },
  { path: '/console/admin-units', label: 'adminUnits' },
  { path: '/console/holidays', label: 'holidays' },
  {
    path: '/console/community-teams',
    label: 'communityTeams',
    roles: ['system_admin', 'agency_admin', 'officer'],
  },
  {
    path: '/console/data',
    label: 'openData',
    roles: ['system_admin', 'agency_admin', 'data_publisher'],
  },
  // The 1022 hub's pages (operators) and the agencies' queue (officers); the pages check again.
  { path: '/console/feedback/inbox', label: 'feedbackInbox', roles: feedbackHubRoles },
  { path: '/console/feedback/call', label: 'feedbackCall', roles: feedbackHubRoles },
  { path: '/console/feedback/queue', label: 'feedbackQueue', roles: feedbackAgencyRoles },
  { path: '/console/feedback/routing', label: 'feedbackRouting', roles: feedbackHubRoles },
  { path: '/console/harvest', label: 'harvest', roles: admins },
  // The IOC (sensors): the pages check again; roles mirror the sensors API.
  { path: '/console/sensors/incidents', label: 'sensorsIncidents', roles: sensorsStaff },
  { path: '/console/sensors/alert-rules', label: 'sensorsAlertRules', roles: sensorsStaff },
  { path: '/console/sensors/devices', label: 'sensorsDevices', roles: sensorsStaff },
  { path: '/console/sensors/things', label: 'sensorsThings', roles: [...sensorsStaff, 'data_publisher'] },
  { path: '/console/tokens', label: 'tokens' },
  { path: '/console/audit', label: 'audit', roles: ['system_admin'] },
  { path: '/console/jobs', label: 'jobs', roles: ['system_admin'] },
  { path: '/console/password', label: 'password' },
];
