import type { Principal } from '../../../platform/auth/principal';
import type { Device } from './device.model';
import { canSeeStream, isStaff } from './stream-access';

function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}

/**
 * A device as the caller may see it: the stream URL only at or above its access level, the owner and
 * consent only for staff (and the owner).
 */
export function presentDevice(device: Device, principal: Principal | null) {
  const streamVisible = device.streamUrl !== null && canSeeStream(principal, device);
  const publicPart = {
    id: device.id,
    type: device.type,
    name: device.name,
    code: device.code,
    adminUnitCode: device.adminUnitCode,
    location: device.location,
    address: device.address,
    status: device.status,
    lastSeenAt: iso(device.lastSeenAt),
    statusChangedAt: iso(device.statusChangedAt),
    streamAccess: device.streamAccess,
    streamUrl: streamVisible ? device.streamUrl : null,
    streamRestricted: device.streamUrl !== null && !streamVisible,
    ownerKind: device.ownerKind,
    isSample: device.isSample,
    updatedAt: device.updatedAt.toISOString(),
  };
  const isOwner = principal !== null && device.ownerUserId === principal.userId;
  if (!isStaff(principal) && !isOwner) return publicPart;
  return {
    ...publicPart,
    agencyId: device.agencyId,
    ownerName: device.ownerName,
    ownerUserId: device.ownerUserId,
    consentAt: device.consentAt,
    consentReference: device.consentReference,
    thingId: device.thingId,
    monitored: device.monitored,
    heartbeatIntervalSeconds: device.heartbeatIntervalSeconds,
    heartbeatStreak: device.heartbeatStreak,
    hasToken: device.hasToken,
    note: device.note,
    createdAt: device.createdAt.toISOString(),
  };
}
