import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';
import { systemActor } from '../../platform/audit/audit';
import type { CitydxModule, PlatformServices } from '../../platform/module-contract';
import { communityTeamsRoutes } from './community-teams.routes';
import { CommunityTeamsService } from './community-teams.service';
import { sampleCommunityTeams } from './program.demo';
import { programErrors } from './program.errors';

/** What other modules may ask of `program` (read-only figures for the DTI module later). */
export interface ProgramApi {
  communityTeamTotals(): Promise<{ teams: number; members: number; units: number }>;
}

/**
 * The DX programme module. Today it holds the community digital teams; the DX plan, tasks, KPIs and
 * periodic agency reports will live here too.
 */
export function createProgramModule(
  platform: Pick<PlatformServices, 'db' | 'audit'>,
): CitydxModule<ProgramApi> {
  const teams = new CommunityTeamsService(platform.db, platform.audit);
  const plugin: FastifyPluginAsync = async (app) => {
    await app.register(communityTeamsRoutes, { teams });
  };
  return {
    name: 'program',
    prefix: '/api/v1/program',
    plugin,
    migrations: { owner: 'program', dir: fileURLToPath(new URL('./migrations', import.meta.url)) },
    errors: programErrors,
    api: { communityTeamTotals: () => teams.totals() },
    async loadDemo() {
      await teams.loadSamples(sampleCommunityTeams(), systemActor);
    },
    async figures() {
      const totals = await teams.totals();
      return [
        {
          key: 'communityTeams',
          label: { vi: 'Tổ công nghệ số cộng đồng', en: 'Community digital teams' },
          count: totals.teams,
          href: '/community-teams',
        },
      ];
    },
  };
}
