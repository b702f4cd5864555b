import type { Principal } from '../../../platform/auth/principal';
import type { Device } from './device.model';
import { canSeeStream } from './stream-access';

/** Devices as an RFC 7946 FeatureCollection ([lon, lat]) for the IOC map layers. */
export function presentDevicesGeoJson(devices: readonly Device[], principal: Principal | null) {
  return {
    type: 'FeatureCollection' as const,
    features: devices.flatMap((device) =>
      device.location
        ? [
            {
              type: 'Feature' as const,
              id: device.id,
              geometry: {
                type: 'Point' as const,
                coordinates: [device.location.longitude, device.location.latitude],
              },
              properties: {
                type: device.type,
                name: device.name,
                status: device.status,
                lastSeenAt: device.lastSeenAt?.toISOString() ?? null,
                adminUnitCode: device.adminUnitCode,
                streamUrl: device.streamUrl && canSeeStream(principal, device) ? device.streamUrl : null,
                isSample: device.isSample,
              },
            },
          ]
        : [],
    ),
  };
}
