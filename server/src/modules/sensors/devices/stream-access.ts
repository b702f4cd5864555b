import type { Principal } from '../../../platform/auth/principal';
import type { Role } from '../../../platform/auth/roles';
import type { Device, DeviceType, StreamAccess } from './device.model';
import { isCamera } from './device.model';

/** IOC operators: they watch operator-level streams. Viewers read the registry but watch no stream. */
export const operatorRoles: readonly Role[] = [
  'system_admin',
  'call_center_operator',
  'agency_admin',
  'officer',
];

/** Any staff role reads the whole registry (locations of every camera, owners, consent). */
export const staffRoles: readonly Role[] = [...operatorRoles, 'viewer'];

export function isStaff(principal: Principal | null): boolean {
  return principal !== null && principal.hasAnyRole(staffRoles);
}

/**
 * Whether the caller may see this device's stream URL. Levels are not nested for the owner level: an
 * owner-only stream is shown to its owner's account and to no one else, a system administrator
 * included (that is what the contributor consented to).
 */
export function canSeeStream(
  principal: Principal | null,
  device: Pick<Device, 'streamAccess' | 'ownerUserId'>,
): boolean {
  const isOwner = principal !== null && device.ownerUserId === principal.userId;
  if (isOwner) return true;
  const access: StreamAccess = device.streamAccess;
  if (access === 'public') return true;
  if (access === 'operators') return principal !== null && principal.hasAnyRole(operatorRoles);
  return false;
}

/** Anonymous callers see non-camera devices and public cameras only. */
export function isPubliclyListed(device: { type: DeviceType; streamAccess: StreamAccess }): boolean {
  return !isCamera(device.type) || device.streamAccess === 'public';
}
