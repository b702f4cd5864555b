import path from 'node:path';
import { RuleTester } from 'eslint';
import { describe, it } from 'vitest';
import { moduleBoundaries } from './module-boundaries.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const root = process.cwd();
const file = (relative: string) => path.join(root, relative);
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } });

tester.run('module-boundaries', moduleBoundaries, {
  valid: [
    {
      filename: file('server/src/modules/feedback/reports.service.ts'),
      code: "import { createProgramModule } from '../program';",
    },
    {
      filename: file('server/src/modules/feedback/reports.service.ts'),
      code: "import { x } from '../program/index.ts';",
    },
    {
      filename: file('server/src/modules/feedback/reports.service.ts'),
      code: "import { y } from './reports.repo';",
    },
    {
      filename: file('server/src/modules/feedback/reports.service.ts'),
      code: "import { AppError } from '../../platform/http/app-error';",
    },
    { filename: file('server/src/app.ts'), code: "import { createProgramModule } from './modules/program';" },
  ],
  invalid: [
    {
      filename: file('server/src/modules/feedback/reports.service.ts'),
      code: "import { CommunityTeamsRepo } from '../program/community-teams.repo';",
      errors: [{ messageId: 'deepImport' }],
    },
    {
      filename: file('server/src/platform/auth/auth.service.ts'),
      code: "import { createProgramModule } from '../../modules/program';",
      errors: [{ messageId: 'kernelImportsModule' }],
    },
    {
      filename: file('web/src/features/portal/home.tsx'),
      code: "import { createProgramModule } from '../../../../server/src/modules/program';",
      errors: [{ messageId: 'webImportsServer' }],
    },
  ],
});
