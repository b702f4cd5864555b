import { Anchor, Box, Burger, Container, Drawer, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { SkipLink } from '../components/SkipLink';
import { useMessages } from '../lib/i18n';
import { appMessages } from './app.i18n';
import { Brand } from './Brand';

const links = [
  { to: '/', label: 'home', end: true },
  { to: '/data', label: 'openData', end: false },
  { to: '/feedback', label: 'feedback', end: false },
  { to: '/agencies', label: 'agencies', end: false },
  { to: '/community-teams', label: 'communityTeams', end: false },
  { to: '/ioc', label: 'ioc', end: false },
  { to: '/console', label: 'console', end: false },
] as const;

function NavLinks({ vertical }: { readonly vertical: boolean }) {
  const t = useMessages(appMessages);
  const Wrapper = vertical ? Stack : Group;
  return (
    <Wrapper gap={vertical ? 'sm' : 'lg'}>
      {links.map((link) => (
        <Anchor
          key={link.to}
          component={RouterNavLink}
          to={link.to}
          end={link.end}
          c="dark"
          fw={500}
          className="public-nav-link"
        >
          {t[link.label]}
        </Anchor>
      ))}
    </Wrapper>
  );
}

/** The public portal's frame: skip link, header with navigation and language, footer. */
export function PublicLayout() {
  const t = useMessages(appMessages);
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  useEffect(close, [location.pathname, close]);

  return (
    <Box mih="100dvh" style={{ display: 'flex', flexDirection: 'column' }}>
      <SkipLink />
      <Box component="header" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }} bg="white">
        <Container size="lg" py="sm">
          <Group justify="space-between" wrap="nowrap">
            <Brand />
            <Group gap="md" wrap="nowrap">
              <Box component="nav" aria-label={t.mainNav} visibleFrom="sm">
                <NavLinks vertical={false} />
              </Box>
              <LanguageSwitch />
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                aria-label={opened ? t.closeMenu : t.openMenu}
                aria-expanded={opened}
                size="sm"
              />
            </Group>
          </Group>
        </Container>
      </Box>
      <Drawer
        opened={opened}
        onClose={close}
        title={t.siteName}
        hiddenFrom="sm"
        size="75%"
        closeButtonProps={{ 'aria-label': t.closeMenu }}
      >
        <nav aria-label={t.mainNav}>
          <NavLinks vertical />
        </nav>
      </Drawer>
      <Box component="main" id="main" tabIndex={-1} style={{ flex: 1 }}>
        <Container size="lg" py="xl">
          <Outlet />
        </Container>
      </Box>
      <Box
        component="footer"
        bg="gray.0"
        py="lg"
        style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Container size="lg">
          <Group justify="space-between" gap="sm">
            <Text size="sm" c="dimmed">
              {t.footer}
            </Text>
            <Anchor href="/docs" size="sm">
              {t.apiDocs}
            </Anchor>
          </Group>
        </Container>
      </Box>
    </Box>
  );
}
