import { ActionIcon, Badge, Box, Group, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { fill, pick, useLocale, useMessages } from '../../lib/i18n';
import type { Agency } from './agencies.api';
import { agencyKindLabels, agencyMessages } from './agencies.i18n';
import type { AgencyNode } from './tree';

interface TreeProps {
  readonly nodes: readonly AgencyNode[];
  /** Expand every branch (while searching, so matches are visible). */
  readonly expandAll?: boolean;
  readonly renderDetails?: (agency: Agency) => ReactNode;
  readonly renderActions?: (agency: Agency) => ReactNode;
}

/**
 * The organisation tree as nested lists: screen readers announce the nesting level and item counts,
 * and each branch has a real button (aria-expanded) to fold it, reachable with Tab.
 */
export function AgencyTree({ nodes, expandAll = false, renderDetails, renderActions }: TreeProps) {
  const t = useMessages(agencyMessages);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <Box className="agency-tree" aria-label={t.treeLabel} role="region">
      <Branch
        nodes={nodes}
        depth={0}
        expandAll={expandAll}
        collapsed={collapsed}
        toggle={toggle}
        renderDetails={renderDetails}
        renderActions={renderActions}
      />
    </Box>
  );
}

interface BranchProps extends TreeProps {
  readonly depth: number;
  readonly collapsed: ReadonlySet<string>;
  readonly toggle: (id: string) => void;
}

function Branch({ nodes, depth, expandAll, collapsed, toggle, renderDetails, renderActions }: BranchProps) {
  const { locale } = useLocale();
  const t = useMessages(agencyMessages);
  return (
    <ul>
      {nodes.map(({ agency, children }) => {
        const open = expandAll || !collapsed.has(agency.id);
        const name = pick(locale, { vi: agency.nameVi, en: agency.nameEn });
        return (
          <li key={agency.id}>
            <Group gap="xs" py={6} wrap="nowrap" align="flex-start">
              {children.length > 0 ? (
                <ActionIcon
                  variant="subtle"
                  size="sm"
                  mt={2}
                  onClick={() => toggle(agency.id)}
                  aria-expanded={open}
                  aria-label={`${name}: ${fill(t.children, { count: children.length })}`}
                >
                  <span aria-hidden>{open ? '▾' : '▸'}</span>
                </ActionIcon>
              ) : (
                <Box w={22} aria-hidden />
              )}
              <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                <Group gap={6} wrap="wrap">
                  <Text fw={depth === 0 ? 700 : 500} style={{ overflowWrap: 'anywhere' }}>
                    {name}
                  </Text>
                  <Badge variant="light" color="gray" size="sm" tt="none">
                    {agencyKindLabels[locale][agency.kind]}
                  </Badge>
                  {!agency.active && (
                    <Badge variant="outline" color="red" size="sm" tt="none">
                      {t.inactive}
                    </Badge>
                  )}
                </Group>
                {renderDetails?.(agency)}
              </Stack>
              {renderActions && <Group gap={4}>{renderActions(agency)}</Group>}
            </Group>
            {children.length > 0 && open && (
              <Branch
                nodes={children}
                depth={depth + 1}
                expandAll={expandAll}
                collapsed={collapsed}
                toggle={toggle}
                renderDetails={renderDetails}
                renderActions={renderActions}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}
