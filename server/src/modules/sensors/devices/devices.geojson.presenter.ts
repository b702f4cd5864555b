import type { Principal } from '../../../platform/auth/principal';
import type { ClusteredDevices } from './device-clusters.repo';
import type { Device } from './device.model';
import { canSeeStream } from './stream-access';

/** Devices as an RFC 7946 FeatureCollection ([lon, lat]) for the IOC map layers. */
export function presentDevicesGeoJson(devices: readonly Device[], principal: Principal | null) {
  return { type: 'FeatureCollection' as const, features: deviceFeatures(devices, principal) };
}

/**
 * Clustered devices as one FeatureCollection: a cell of several devices is a Point feature with
 * `properties.cluster: true` and its counts; a device alone in its cell is its usual feature. The
 * foreign member `total` (RFC 7946 §6.1) counts what the caller may see of the layer, in view or not.
 */
export function presentDeviceClustersGeoJson(clustered: ClusteredDevices, principal: Principal | null) {
  const clusters = clustered.clusters.map((cluster) => ({
    type: 'Feature' as const,
    id: `cluster:${cluster.cell}`,
    geometry: { type: 'Point' as const, coordinates: [cluster.longitude, cluster.latitude] },
    properties: {
      cluster: true as const,
      count: cluster.count,
      online: cluster.online,
      offline: cluster.offline,
    },
  }));
  return {
    type: 'FeatureCollection' as const,
    total: clustered.total,
    features: [...clusters, ...deviceFeatures(clustered.singles, principal)],
  };
}

function deviceFeatures(devices: readonly Device[], principal: Principal | null) {
  return devices.flatMap((device) =>
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
  );
}
