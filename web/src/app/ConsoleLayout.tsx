import { AppShell, Burger, Button, Group, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useEffect } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { SkipLink } from '../components/SkipLink';
import { authMessages } from '../features/auth/auth.i18n';
import { hasAnyRole } from '../features/auth/roles';
import { useSession, useSignOut } from '../features/auth/session';
import { useMessages } from '../lib/i18n';
import { appMessages } from './app.i18n';
import { Brand } from './Brand';
import { consoleNav } from './console-nav';

/** The staff console's frame: a sidebar of the pages the user's roles allow, a burger on phones. */
export function ConsoleLayout() {
  const t = useMessages(appMessages);
  const authT = useMessages(authMessages);
  const session = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  useEffect(close, [location.pathname, close]);
  // Below the sm breakpoint the closed sidebar only slides off-screen; inert keeps Tab out of it.
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;

  const grants = session.data?.user.grants ?? [];
  const items = consoleNav.filter((item) => !item.roles || hasAnyRole(grants, item.roles));
  const isActive = (path: string) =>
    path === '/console' ? location.pathname === '/console' : location.pathname.startsWith(path);

  const onSignOut = async () => {
    await signOut();
    await navigate('/console/login', { replace: true });
  };

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <SkipLink />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t.closeMenu : t.openMenu}
              aria-expanded={opened}
              aria-controls="console-nav"
            />
            <Brand to="/console" subtitle={t.consoleTitle} compact />
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Text
              size="sm"
              visibleFrom="md"
              truncate
              maw={220}
              aria-label={authT.signedInAs.replace('{name}', session.data?.user.displayName ?? '')}
            >
              {session.data?.user.displayName}
            </Text>
            <LanguageSwitch />
            <Button variant="default" size="compact-sm" onClick={() => void onSignOut()}>
              {authT.signOut}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar
        p="xs"
        id="console-nav"
        component="nav"
        aria-label={t.consoleNav}
        inert={isPhone && !opened}
      >
        <ScrollArea>
          {items.map((item) => (
            <NavLink
              key={item.path}
              component={Link}
              to={item.path}
              label={t[item.label]}
              active={isActive(item.path)}
              aria-current={isActive(item.path) ? 'page' : undefined}
            />
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
