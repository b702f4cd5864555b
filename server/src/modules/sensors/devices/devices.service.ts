import type { Actor, AuditLog } from '../../../platform/audit/audit';
import { changedFields } from '../../../platform/audit/changed-fields';
import type { Principal } from '../../../platform/auth/principal';
import type { Db } from '../../../platform/db/database';
import { AppError } from '../../../platform/http/app-error';
import { clusterDevices, type ClusteredDevices, type ClusterQuery } from './device-clusters.repo';
import { isCamera, type Device, type DeviceFields } from './device.model';
import { newDeviceToken } from './device-token';
import { devicesErrors } from './devices.errors';
import { DevicesRepo, type DeviceQuery, type Visibility } from './devices.repo';
import { isStaff } from './stream-access';

/**
 * Use cases of the device registry. A system administrator manages every device; an agency
 * administrator or officer manages the devices of their own agency. Every change is audited.
 */
export class DevicesService {
  readonly #repo: DevicesRepo;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
  ) {
    this.#repo = new DevicesRepo(db);
  }

  list(query: DeviceQuery, principal: Principal | null): Promise<{ items: Device[]; total: number }> {
    return this.#repo.list(query, visibilityFor(principal));
  }

  mapped(query: Omit<DeviceQuery, 'offset'>, principal: Principal | null): Promise<Device[]> {
    return this.#repo.mapped(query, visibilityFor(principal));
  }

  /** The devices in view at a map zoom, grouped into grid cells (see device-clusters.repo.ts). */
  clustered(query: ClusterQuery, zoom: number, principal: Principal | null): Promise<ClusteredDevices> {
    return clusterDevices(this.db, query, visibilityFor(principal), zoom);
  }

  /** One device the caller may see; a hidden one is "not found", so its existence is not revealed. */
  async get(id: string, principal: Principal | null): Promise<Device> {
    const device = await this.#repo.findById(id);
    if (!device || !isVisible(device, principal)) throw new AppError(devicesErrors.DEVICE_NOT_FOUND);
    return device;
  }

  async stateChanges(id: string, principal: Principal | null, limit: number) {
    await this.get(id, principal);
    return this.#repo.stateChanges(id, limit);
  }

  async create(
    principal: Principal,
    fields: DeviceFields,
    actor: Actor,
  ): Promise<{ device: Device; token: string }> {
    this.#assertManages(principal, fields.agencyId);
    assertConsistent(fields);
    const { token, hash } = newDeviceToken();
    const id = await this.db.transaction().execute(async (trx) => {
      const newId = await this.#repo.insert(trx, fields, hash);
      await this.audit.record(trx, actor, {
        action: 'sensors.device.created',
        targetType: 'device',
        targetId: newId,
        summary: { type: fields.type, name: fields.name, agencyId: fields.agencyId },
      });
      return newId;
    });
    return { device: await this.get(id, principal), token };
  }

  async update(
    principal: Principal,
    id: string,
    changes: Partial<DeviceFields>,
    actor: Actor,
  ): Promise<Device> {
    const before = await this.get(id, principal);
    this.#assertManages(principal, before.agencyId);
    if (changes.agencyId !== undefined) this.#assertManages(principal, changes.agencyId);
    assertConsistent({ ...before, ...changes });
    await this.db.transaction().execute(async (trx) => {
      await this.#repo.update(trx, id, changes);
      await this.audit.record(trx, actor, {
        action: 'sensors.device.updated',
        targetType: 'device',
        targetId: id,
        // The stream URL may embed credentials: the audit says it changed, not what it is.
        summary: changedFields(
          { ...before, streamUrl: before.streamUrl ? '(set)' : null },
          changes.streamUrl === undefined
            ? changes
            : { ...changes, streamUrl: changes.streamUrl ? '(changed)' : null },
        ),
      });
    });
    return this.get(id, principal);
  }

  async delete(principal: Principal, id: string, actor: Actor): Promise<void> {
    const before = await this.get(id, principal);
    this.#assertManages(principal, before.agencyId);
    await this.db.transaction().execute(async (trx) => {
      await this.#repo.delete(trx, id);
      await this.audit.record(trx, actor, {
        action: 'sensors.device.deleted',
        targetType: 'device',
        targetId: id,
        summary: { type: before.type, name: before.name },
      });
    });
  }

  /** Issues a new heartbeat token; the old one stops working at once. Shown once. */
  async rotateToken(principal: Principal, id: string, actor: Actor): Promise<string> {
    const before = await this.get(id, principal);
    this.#assertManages(principal, before.agencyId);
    const { token, hash } = newDeviceToken();
    await this.db.transaction().execute(async (trx) => {
      await this.#repo.setTokenHash(trx, id, hash);
      await this.audit.record(trx, actor, {
        action: 'sensors.device.token_rotated',
        targetType: 'device',
        targetId: id,
      });
    });
    return token;
  }

  #assertManages(principal: Principal, agencyId: string | null): void {
    if (principal.isSystemAdmin) return;
    const manages =
      agencyId !== null &&
      (principal.hasRole('agency_admin', agencyId) || principal.hasRole('officer', agencyId));
    if (!manages) throw new AppError(devicesErrors.DEVICE_OUTSIDE_SCOPE);
  }
}

/** Staff see the whole registry; others see public devices and their own. */
export function visibilityFor(principal: Principal | null): Visibility {
  if (isStaff(principal)) return { kind: 'all' };
  return principal ? { kind: 'public', ownerUserId: principal.userId } : { kind: 'public' };
}

function isVisible(device: Device, principal: Principal | null): boolean {
  const visibility = visibilityFor(principal);
  if (visibility.kind === 'all') return true;
  if (visibility.ownerUserId && device.ownerUserId === visibility.ownerUserId) return true;
  return !isCamera(device.type) || device.streamAccess === 'public';
}

/** Rules the table also enforces, checked first so the caller gets a readable 422. */
function assertConsistent(fields: DeviceFields): void {
  if (fields.streamUrl && !isCamera(fields.type)) throw new AppError(devicesErrors.DEVICE_STREAM_NOT_CAMERA);
  if (fields.type === 'contributed_camera' && (!fields.ownerName || !fields.consentAt))
    throw new AppError(devicesErrors.DEVICE_CONSENT_REQUIRED);
}
