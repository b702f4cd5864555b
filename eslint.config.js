import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import citydx from './tools/eslint/module-boundaries.js';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'web/dist/', 'coverage/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { 'import-x': importX, citydx },
    settings: { 'import-x/resolver': { typescript: true, node: true } },
    rules: {
      'citydx/module-boundaries': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-default-export': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // Config files and the web entry are loaded by tools that expect a default export.
    files: ['**/*.config.ts', 'web/vite.config.ts'],
    rules: { 'import-x/no-default-export': 'off' },
  },
  {
    // CLI output, scripts, benchmarks and browser journeys talk to a terminal on purpose.
    files: ['server/src/main.ts', 'scripts/**', 'bench/**', 'e2e/**', 'tools/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
);
