import { api, type Page, type QueryValue } from '../../lib/api';

export interface LatLng {
  readonly latitude: number;
  readonly longitude: number;
}

export interface CommunityTeam {
  readonly id: string;
  readonly name: string;
  readonly adminUnitCode: string | null;
  readonly agencyId: string | null;
  readonly leaderName: string | null;
  readonly memberCount: number;
  readonly establishedOn: string | null;
  readonly location: LatLng | null;
  readonly isSample: boolean;
  readonly note: string | null;
  readonly updatedAt: string;
}

export interface TeamTotals {
  readonly teams: number;
  readonly members: number;
  readonly units: number;
}

export interface TeamFeature {
  readonly type: 'Feature';
  readonly id: string;
  readonly geometry: { readonly type: 'Point'; readonly coordinates: readonly [number, number] };
  readonly properties: {
    readonly name: string;
    readonly adminUnitCode: string | null;
    readonly memberCount: number;
    readonly isSample: boolean;
  };
}

export interface TeamInput {
  readonly name?: string;
  readonly adminUnitCode?: string | null;
  readonly leaderName?: string | null;
  readonly contactPhone?: string | null;
  readonly memberCount?: number;
  readonly establishedOn?: string | null;
  readonly location?: LatLng | null;
  readonly note?: string | null;
}

const base = '/api/v1/program/community-teams';
export const teamsKey = ['program', 'community-teams'] as const;

export function listTeams(query: Readonly<Record<string, QueryValue>>): Promise<Page<CommunityTeam>> {
  return api(base, { query });
}

export function fetchTotals(): Promise<TeamTotals> {
  return api(`${base}/totals`);
}

export function fetchTeamsGeoJson(): Promise<{ type: 'FeatureCollection'; features: TeamFeature[] }> {
  return api(`${base}.geojson`);
}

export function createTeam(input: TeamInput): Promise<CommunityTeam> {
  return api(base, { method: 'POST', body: input });
}

export function updateTeam(id: string, changes: TeamInput): Promise<CommunityTeam> {
  return api(`${base}/${id}`, { method: 'PATCH', body: changes });
}

export function deleteTeam(id: string): Promise<void> {
  return api(`${base}/${id}`, { method: 'DELETE' });
}
