import type { AgenciesService } from '../../../platform/agencies/agencies.service';
import type { AgencyRow } from '../../../platform/agencies/agencies.repo';
import { isUuid } from './datasets.repo';

/** CKAN organisation name of an agency: its code as a lower-case slug (`SKHCN` → `skhcn`). */
export function orgName(agency: Pick<AgencyRow, 'code'>): string {
  return agency.code.toLowerCase().replace(/[^a-z0-9_-]+/g, '-');
}

/**
 * Organisations ARE the kernel's agencies: this reads them through the AgenciesService (never its
 * tables) and resolves CKAN's `id or name` references. The agency tree is small (a few hundred rows),
 * so one listing per call is cheaper than a cache that could go stale across processes.
 */
export class Organizations {
  constructor(private readonly agencies: AgenciesService) {}

  async all(): Promise<AgencyRow[]> {
    return (await this.agencies.list({ limit: 100_000, offset: 0 })).items;
  }

  async byIds(ids: Iterable<string>): Promise<Map<string, AgencyRow>> {
    const wanted = new Set(ids);
    if (wanted.size === 0) return new Map();
    return new Map((await this.all()).filter((a) => wanted.has(a.id)).map((a) => [a.id, a]));
  }

  /** Every agency by id (one listing, for a request that presents many organisations). */
  async byId(): Promise<Map<string, AgencyRow>> {
    return new Map((await this.all()).map((agency) => [agency.id, agency]));
  }

  /** The agency named by id or CKAN name; deleted agencies do not exist. */
  async find(idOrName: string): Promise<AgencyRow | undefined> {
    if (isUuid(idOrName)) {
      const all = await this.byIds([idOrName]);
      return all.get(idOrName);
    }
    return findByName(await this.all(), idOrName);
  }
}

/** The agency in `agencies` named by id or CKAN name (Organizations.find over a listing at hand). */
export function findOrganization(
  agencies: ReadonlyMap<string, AgencyRow>,
  idOrName: string,
): AgencyRow | undefined {
  return isUuid(idOrName) ? agencies.get(idOrName) : findByName(agencies.values(), idOrName);
}

function findByName(agencies: Iterable<AgencyRow>, idOrName: string): AgencyRow | undefined {
  const name = idOrName.toLowerCase();
  for (const agency of agencies) if (orgName(agency) === name) return agency;
  return undefined;
}
