import type { CommunityTeam } from './community-teams.repo';

export function presentPublicTeam(team: CommunityTeam) {
  return {
    id: team.id,
    name: team.name,
    adminUnitCode: team.adminUnitCode,
    agencyId: team.agencyId,
    leaderName: team.leaderName,
    memberCount: team.memberCount,
    establishedOn: team.establishedOn,
    location: team.location,
    isSample: team.isSample,
    note: team.note,
    updatedAt: team.updatedAt.toISOString(),
  };
}

export function presentStaffTeam(team: CommunityTeam) {
  return {
    ...presentPublicTeam(team),
    contactPhone: team.contactPhone,
    createdAt: team.createdAt.toISOString(),
  };
}
