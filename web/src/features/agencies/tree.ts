import type { Agency } from './agencies.api';

export interface AgencyNode {
  readonly agency: Agency;
  readonly children: AgencyNode[];
}

function foldText(text: string): string {
  // Accent-insensitive search: "da nang" finds "Đà Nẵng" (đ does not decompose, so map it by hand).
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

export function matchesAgency(agency: Agency, query: string): boolean {
  const q = foldText(query.trim());
  if (!q) return true;
  return [agency.nameVi, agency.nameEn ?? '', agency.code].some((text) => foldText(text).includes(q));
}

const byName = (a: AgencyNode, b: AgencyNode) => a.agency.nameVi.localeCompare(b.agency.nameVi, 'vi');

/**
 * Links the flat list into a forest by parentId. An agency whose parent is missing (e.g. filtered
 * out) becomes a root, so nothing disappears. With a query, keeps matches and their ancestors.
 */
export function buildAgencyTree(agencies: readonly Agency[], query = ''): AgencyNode[] {
  const byId = new Map(agencies.map((agency) => [agency.id, agency]));
  const keep = new Set<string>();
  for (const agency of agencies) {
    if (!matchesAgency(agency, query)) continue;
    // Walk up to the root, guarding against a cycle in bad data.
    for (
      let current: Agency | undefined = agency;
      current && !keep.has(current.id);
      current = current.parentId ? byId.get(current.parentId) : undefined
    ) {
      keep.add(current.id);
    }
  }
  const nodes = new Map<string, AgencyNode>();
  for (const agency of agencies) if (keep.has(agency.id)) nodes.set(agency.id, { agency, children: [] });
  const roots: AgencyNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.agency.parentId ? nodes.get(node.agency.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: AgencyNode[]) => {
    list.sort(byName);
    list.forEach((node) => sort(node.children));
  };
  sort(roots);
  return roots;
}
