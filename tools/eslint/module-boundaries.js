// Enforces the module map of docs/ARCHITECTURE.md:
//  - a module may import another module only through its index.ts (its public door);
//  - platform/ (the kernel) imports no module;
//  - web/ imports nothing from server/ except `import type` from a module's index.ts.
// import-x/no-cycle catches cycles; this rule catches the shapes it cannot express.
import path from 'node:path';

const PLATFORM_DIR = path.join('server', 'src', 'platform');

function relativeToRoot(file, root) {
  return path.relative(root, file).split(path.sep).join('/');
}

function moduleNameOf(rel) {
  const match = /^server\/src\/modules\/([^/]+)\//.exec(rel);
  return match ? match[1] : null;
}

function isModuleDoor(rel) {
  return /^server\/src\/modules\/[^/]+(\/index(\.ts|\.js)?)?$/.test(rel);
}

/** @type {import('eslint').Rule.RuleModule} */
export const moduleBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep imports inside the modular-monolith boundaries' },
    messages: {
      deepImport:
        "Module '{{from}}' reaches into module '{{to}}'. Import from 'modules/{{to}}/index.ts' (its public door) instead.",
      kernelImportsModule: 'platform/ is the kernel and must not import a domain module.',
      webImportsServer: "web/ may only 'import type' from a server module's index.ts.",
    },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const fileRel = relativeToRoot(context.filename, root);
    const fromModule = moduleNameOf(fileRel);
    const inPlatform = fileRel.startsWith(PLATFORM_DIR.split(path.sep).join('/') + '/');
    const inWeb = fileRel.startsWith('web/');

    function check(node, source, isTypeOnly) {
      if (!source.startsWith('.')) return;
      const targetRel = relativeToRoot(path.resolve(path.dirname(context.filename), source), root);
      const toModule = moduleNameOf(targetRel + '/');
      if (inWeb && targetRel.startsWith('server/')) {
        if (!(isTypeOnly && isModuleDoor(targetRel))) context.report({ node, messageId: 'webImportsServer' });
        return;
      }
      if (!toModule) return;
      if (inPlatform) {
        context.report({ node, messageId: 'kernelImportsModule' });
        return;
      }
      if (fromModule && toModule !== fromModule && !isModuleDoor(targetRel)) {
        context.report({ node, messageId: 'deepImport', data: { from: fromModule, to: toModule } });
      }
    }

    return {
      ImportDeclaration(node) {
        check(node, String(node.source.value), node.importKind === 'type');
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node, String(node.source.value), node.exportKind === 'type');
      },
      ExportAllDeclaration(node) {
        check(node, String(node.source.value), node.exportKind === 'type');
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node, String(node.source.value), false);
      },
    };
  },
};

export default { rules: { 'module-boundaries': moduleBoundaries } };
