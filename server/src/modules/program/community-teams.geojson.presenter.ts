import type { CommunityTeam } from './community-teams.repo';

/** RFC 7946 FeatureCollection of the teams that have a location. Coordinates are [longitude, latitude]. */
export function presentTeamsGeoJson(teams: readonly CommunityTeam[]) {
  return {
    type: 'FeatureCollection' as const,
    features: teams
      .filter((team) => team.location !== null)
      .map((team) => ({
        type: 'Feature' as const,
        id: team.id,
        geometry: {
          type: 'Point' as const,
          coordinates: [team.location?.longitude ?? 0, team.location?.latitude ?? 0],
        },
        properties: {
          name: team.name,
          adminUnitCode: team.adminUnitCode,
          memberCount: team.memberCount,
          isSample: team.isSample,
        },
      })),
  };
}
