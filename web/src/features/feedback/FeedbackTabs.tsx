import { Button, Group } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useMessages } from '../../lib/i18n';
import { feedbackMessages } from './feedback.i18n';

const tabs = [
  { to: '/feedback', label: 'tabBoard', match: (path: string) => path === '/feedback' },
  { to: '/feedback/new', label: 'tabNew', match: (path: string) => path === '/feedback/new' },
  {
    to: '/feedback/track',
    label: 'tabTrack',
    match: (path: string) => path.startsWith('/feedback/track') || path.startsWith('/feedback/reports'),
  },
  { to: '/feedback/agencies', label: 'tabLeague', match: (path: string) => path === '/feedback/agencies' },
] as const;

/** The feedback section's own navigation: board, submit, track, league table (wraps on phones). */
export function FeedbackTabs() {
  const t = useMessages(feedbackMessages);
  const { pathname } = useLocation();
  const path = pathname.replace(/\/+$/, '') || '/';
  return (
    <Group component="nav" aria-label={t.sectionNav} gap="xs" mb="md">
      {tabs.map((tab) => {
        const active = tab.match(path);
        return (
          <Button
            key={tab.to}
            component={Link}
            to={tab.to}
            size="compact-md"
            variant={active ? 'filled' : 'light'}
            aria-current={active ? 'page' : undefined}
          >
            {t[tab.label]}
          </Button>
        );
      })}
    </Group>
  );
}
