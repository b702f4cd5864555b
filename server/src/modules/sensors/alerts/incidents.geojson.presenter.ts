import type { Incident } from './incident.model';

/** Unresolved incidents as an RFC 7946 FeatureCollection ([lon, lat]) for the IOC map. */
export function presentIncidentsGeoJson(incidents: readonly Incident[]) {
  return {
    type: 'FeatureCollection' as const,
    features: incidents.flatMap((incident) =>
      incident.location
        ? [
            {
              type: 'Feature' as const,
              id: incident.id,
              geometry: {
                type: 'Point' as const,
                coordinates: [incident.location.longitude, incident.location.latitude],
              },
              properties: {
                ruleName: incident.ruleName,
                operator: incident.operator,
                severity: incident.severity,
                status: incident.status,
                subjectName: incident.subjectName,
                datastreamId: incident.datastreamId,
                deviceId: incident.deviceId,
                alertActive: incident.alertActive,
                lastValue: incident.lastValue,
                agencyId: incident.agencyId,
                adminUnitCode: incident.adminUnitCode,
                openedAt: incident.openedAt.toISOString(),
                isSample: incident.isSample,
              },
            },
          ]
        : [],
    ),
  };
}
