import { systemActor } from './audit/audit';
import type { AgenciesService } from './agencies/agencies.service';
import { demoAgencies } from './agencies/demo-agencies';
import { insertCalendarSeed } from './calendar';
import type { Db } from './db/database';
import type { AdminUnits } from './geo';

/**
 * Reference data every installation needs, demo or not: administrative units and the published
 * yearly holiday decisions. Idempotent: inserts only what is missing, never overwrites an edit.
 */
export async function loadReferenceData(platform: { db: Db; adminUnits: AdminUnits }): Promise<void> {
  await platform.adminUnits.loadSeed();
  await insertCalendarSeed(platform.db);
}

/** Kernel demo data: Da Nang's agencies (facts with sources, see docs/data-sources.md). */
export async function loadKernelDemo(platform: { agencies: AgenciesService }): Promise<void> {
  const idsByCode = new Map<string, string>();
  for (const agency of demoAgencies) {
    const existing = await platform.agencies.findByCode(agency.code);
    if (existing) {
      idsByCode.set(agency.code, existing.id);
      continue;
    }
    const parentId = agency.parentCode ? (idsByCode.get(agency.parentCode) ?? null) : null;
    const created = await platform.agencies.create(
      {
        code: agency.code,
        nameVi: agency.nameVi,
        nameEn: agency.nameEn,
        kind: agency.kind,
        parentId,
        email: agency.email ?? null,
        phone: agency.phone ?? null,
        address: agency.address ?? null,
        website: agency.website ?? null,
        headUserId: null,
        adminUnitCode: agency.adminUnitCode ?? null,
        active: agency.active,
        note: [agency.note, `Nguồn / source: ${agency.source}`].filter(Boolean).join('\n'),
      },
      systemActor,
    );
    idsByCode.set(agency.code, created.id);
  }
}
