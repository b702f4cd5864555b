import type { TeamFields } from './community-teams.repo';

// A deterministic pseudo-random sequence so every fresh install shows the same sample map.
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/**
 * Generated sample teams, clearly labelled as samples (isSample, "(mẫu)" in the name). The real figure
 * reported by the city — close to 2,500 teams and 14,000 members in every ward and commune by June
 * 2023 — is cited in docs/data-sources.md; the samples only make the map and lists show something.
 */
export function sampleCommunityTeams(count = 40): TeamFields[] {
  const random = seededRandom(48);
  return Array.from({ length: count }, (_, index) => ({
    name: `Tổ công nghệ số cộng đồng số ${index + 1} (mẫu)`,
    adminUnitCode: null,
    agencyId: null,
    leaderName: null,
    contactPhone: null,
    memberCount: 4 + Math.floor(random() * 5),
    establishedOn: '2023-06-01',
    // Central Da Nang, west of the Hàn river and Sơn Trà: roughly 16.00–16.09 N, 108.15–108.24 E.
    location: { latitude: 16.0 + random() * 0.09, longitude: 108.15 + random() * 0.09 },
    isSample: true,
    note: 'Dữ liệu mẫu do hệ thống sinh ra, không phải tổ thật. / Generated sample, not a real team.',
  }));
}
