import type { ComponentType } from 'react';
import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router';
import { LoadingBlock } from '../components/StatusBlocks';
import { LoginPage } from '../features/auth/LoginPage';
import { HomePage } from '../features/portal/HomePage';
import { ConsoleLayout } from './ConsoleLayout';
import { consoleNav } from './console-nav';
import { PublicLayout } from './PublicLayout';
import { RequireAuth, RoleGate } from './RequireAuth';
import { NotFound } from './StatusPages';

type Lazy = NonNullable<RouteObject['lazy']>;

/** A console page loaded on first visit (the portal stays light), behind the roles its nav item declares. */
function consolePage(path: string, load: () => Promise<ComponentType>): RouteObject {
  const roles = consoleNav.find((item) => item.path === `/console/${path.split('/')[0]}`)?.roles;
  const lazy: Lazy = async () => {
    const Page = await load();
    return {
      Component: () => (
        <RoleGate roles={roles}>
          <Page />
        </RoleGate>
      ),
    };
  };
  return { path, lazy };
}

/** A public page loaded on first visit. */
function publicPage(path: string, load: () => Promise<ComponentType>): RouteObject {
  return { path, lazy: async () => ({ Component: await load() }) };
}

const opendataRoutes: RouteObject[] = [
  publicPage('data', async () => (await import('../features/opendata/OpenDataHomePage')).OpenDataHomePage),
  publicPage(
    'data/search',
    async () => (await import('../features/opendata/DatasetSearchPage')).DatasetSearchPage,
  ),
  publicPage(
    'data/dataset/:name',
    async () => (await import('../features/opendata-dataset/DatasetPage')).DatasetPage,
  ),
  publicPage(
    'data/organization/:name',
    async () => (await import('../features/opendata/CollectionPage')).OrganizationPage,
  ),
  publicPage('data/topic/:name', async () => (await import('../features/opendata/CollectionPage')).TopicPage),
  publicPage(
    'data/stats',
    async () => (await import('../features/opendata/OpenDataStatsPage')).OpenDataStatsPage,
  ),
];

// The citizen side of the 1022 hotline; `track/:code` is the link the messages carry.
const feedbackRoutes: RouteObject[] = [
  publicPage(
    'feedback',
    async () => (await import('../features/feedback/FeedbackBoardPage')).FeedbackBoardPage,
  ),
  publicPage(
    'feedback/new',
    async () => (await import('../features/feedback/SubmitReportPage')).SubmitReportPage,
  ),
  publicPage('feedback/track', async () => (await import('../features/feedback/TrackPage')).TrackPage),
  publicPage(
    'feedback/track/:code',
    async () => (await import('../features/feedback/ReportPage')).ReportPage,
  ),
  publicPage(
    'feedback/reports/:code',
    async () => (await import('../features/feedback/ReportPage')).ReportPage,
  ),
  publicPage(
    'feedback/agencies',
    async () => (await import('../features/feedback/LeagueTablePage')).LeagueTablePage,
  ),
];

// The IOC's console pages (sensors module); each page checks its own roles.
const sensorsConsoleRoutes: RouteObject[] = [
  consolePage(
    'sensors/things',
    async () => (await import('../features/sensors-console/ThingsPage')).ThingsPage,
  ),
  consolePage(
    'sensors/things/:id',
    async () => (await import('../features/sensors-console/ThingDetailPage')).ThingDetailPage,
  ),
  consolePage(
    'sensors/devices',
    async () => (await import('../features/sensors-console/DevicesPage')).DevicesPage,
  ),
  consolePage(
    'sensors/alert-rules',
    async () => (await import('../features/sensors-console/AlertRulesPage')).AlertRulesPage,
  ),
  consolePage(
    'sensors/incidents',
    async () => (await import('../features/sensors-console/IncidentsPage')).IncidentsPage,
  ),
  consolePage(
    'sensors/incidents/:id',
    async () => (await import('../features/sensors-console/IncidentDetailPage')).IncidentDetailPage,
  ),
];

// The 1022 hub's and the agencies' pages; each page checks its own roles (they differ under one prefix).
const feedbackConsoleRoutes: RouteObject[] = [
  consolePage(
    'feedback/inbox',
    async () => (await import('../features/feedback-console/InboxPage')).InboxPage,
  ),
  consolePage(
    'feedback/call',
    async () => (await import('../features/feedback-console/CallCenterPage')).CallCenterPage,
  ),
  consolePage(
    'feedback/queue',
    async () => (await import('../features/feedback-console/AgencyQueuePage')).AgencyQueuePage,
  ),
  consolePage(
    'feedback/routing',
    async () => (await import('../features/feedback-console/RoutingPage')).RoutingPage,
  ),
  consolePage(
    'feedback/reports/:id',
    async () => (await import('../features/feedback-console/ReportDetailPage')).ReportDetailPage,
  ),
];

const routes: RouteObject[] = [
  {
    path: '/',
    Component: PublicLayout,
    HydrateFallback: LoadingBlock,
    children: [
      { index: true, Component: HomePage },
      {
        path: 'agencies',
        lazy: async () => ({
          Component: (await import('../features/agencies/AgenciesPublicPage')).AgenciesPublicPage,
        }),
      },
      {
        path: 'community-teams',
        lazy: async () => ({
          Component: (await import('../features/community-teams/CommunityTeamsPage')).CommunityTeamsPage,
        }),
      },
      ...opendataRoutes,
      ...feedbackRoutes,
      { path: '*', Component: NotFound },
    ],
  },
  // The IOC wall is full-screen: outside the portal's frame, with its own header.
  {
    path: '/ioc',
    HydrateFallback: LoadingBlock,
    lazy: async () => ({ Component: (await import('../features/ioc/IocWallPage')).IocWallPage }),
  },
  { path: '/console/login', Component: LoginPage },
  {
    path: '/console',
    HydrateFallback: LoadingBlock,
    element: (
      <RequireAuth>
        <ConsoleLayout />
      </RequireAuth>
    ),
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await import('../features/portal/ConsoleHome')).ConsoleHome }),
      },
      consolePage('users', async () => (await import('../features/users/UsersPage')).UsersPage),
      consolePage('users/:id', async () => (await import('../features/users/UserDetailPage')).UserDetailPage),
      consolePage('roles', async () => (await import('../features/users/RolesPage')).RolesPage),
      consolePage(
        'agencies',
        async () => (await import('../features/agencies/AgenciesConsolePage')).AgenciesConsolePage,
      ),
      consolePage(
        'admin-units',
        async () => (await import('../features/admin-units/AdminUnitsPage')).AdminUnitsPage,
      ),
      consolePage('holidays', async () => (await import('../features/calendar/HolidaysPage')).HolidaysPage),
      consolePage(
        'community-teams',
        async () => (await import('../features/community-teams/TeamsConsolePage')).TeamsConsolePage,
      ),
      consolePage(
        'data',
        async () =>
          (await import('../features/opendata-console/PublisherDatasetsPage')).PublisherDatasetsPage,
      ),
      consolePage(
        'data/new',
        async () => (await import('../features/opendata-console/DatasetEditPage')).DatasetCreatePage,
      ),
      consolePage(
        'data/:name',
        async () => (await import('../features/opendata-console/DatasetEditPage')).DatasetEditPage,
      ),
      ...feedbackConsoleRoutes,
      ...sensorsConsoleRoutes,
      consolePage(
        'harvest',
        async () => (await import('../features/opendata-harvest/HarvestSourcesPage')).HarvestSourcesPage,
      ),
      consolePage('tokens', async () => (await import('../features/tokens/TokensPage')).TokensPage),
      consolePage('audit', async () => (await import('../features/audit/AuditPage')).AuditPage),
      consolePage('jobs', async () => (await import('../features/jobs/JobsPage')).JobsPage),
      consolePage('password', async () => (await import('../features/auth/PasswordPage')).PasswordPage),
      { path: '*', element: <NotFound home="/console" /> },
    ],
  },
];

const router = createBrowserRouter(routes);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
