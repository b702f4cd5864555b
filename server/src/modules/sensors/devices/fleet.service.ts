import type { AdminUnits } from '../../../platform/geo';
import type { DeviceType } from './device.model';
import { FleetRepo, onlinePercent, type FleetCount } from './fleet.repo';
import type { Db } from '../../../platform/db/database';

function withPercent<T extends FleetCount>(count: T): T & { onlinePercent: number | null } {
  return { ...count, onlinePercent: onlinePercent(count) };
}

function sum(counts: readonly FleetCount[]): FleetCount {
  return counts.reduce(
    (total, count) => ({
      total: total.total + count.total,
      online: total.online + count.online,
      offline: total.offline + count.offline,
      unknown: total.unknown + count.unknown,
    }),
    { total: 0, online: 0, offline: 0, unknown: 0 },
  );
}

/** The fleet views: online share by device type and by administrative unit (names from the kernel). */
export class FleetService {
  readonly #repo: FleetRepo;

  constructor(
    db: Db,
    private readonly adminUnits: Pick<AdminUnits, 'list'>,
  ) {
    this.#repo = new FleetRepo(db);
  }

  async summary(type?: DeviceType) {
    const [byType, byUnit, units] = await Promise.all([
      this.#repo.byType(type),
      this.#repo.byAdminUnit(type),
      this.adminUnits.list({ limit: 1000 }),
    ]);
    const names = new Map(units.items.map((unit) => [unit.code, unit.nameVi]));
    return {
      total: withPercent(sum(byType)),
      byType: byType.map(withPercent),
      byAdminUnit: byUnit.map((count) =>
        withPercent({
          ...count,
          adminUnitName: count.adminUnitCode ? (names.get(count.adminUnitCode) ?? null) : null,
        }),
      ),
    };
  }
}
