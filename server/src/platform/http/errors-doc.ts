import type { ErrorCatalogue } from './app-error';

/** Renders docs/errors.md from every error catalogue; a test keeps the committed file identical. */
export function renderErrorsDoc(catalogues: Readonly<Record<string, ErrorCatalogue>>): string {
  const lines = [
    '# Error codes',
    '',
    'Generated from the error catalogues (`*.errors.ts`) by `npm run docs:generate`; a test fails when this',
    'file and the code differ. The citydx API (`/api/v1`) answers every error as',
    '`{ "error": { "code", "message", "details" } }`, with `message` in the language of `Accept-Language`',
    '(Vietnamese by default). Standard API families (CKAN, Open311, SensorThings) answer in their own shape.',
    '',
  ];
  for (const [owner, catalogue] of Object.entries(catalogues)) {
    lines.push(
      `## ${owner}`,
      '',
      '| code | HTTP | message (vi) | message (en) |',
      '| --- | --- | --- | --- |',
    );
    for (const definition of Object.values(catalogue)) {
      lines.push(
        `| \`${definition.code}\` | ${definition.status} | ${definition.message.vi} | ${definition.message.en} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}
