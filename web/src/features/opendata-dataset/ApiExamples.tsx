import { Anchor, Stack, Text } from '@mantine/core';
import { useMessages } from '../../lib/i18n';
import { apiExamples, type ApiExample } from './api-examples';
import { CodeSample } from './CodeSample';
import { datasetMessages } from './dataset.i18n';

const titles = {
  package: 'apiPackage',
  datastore: 'apiDatastore',
  sql: 'apiSql',
  client: 'apiClient',
} as const satisfies Record<ApiExample['key'], keyof (typeof datasetMessages)['vi']>;

/** Ready-to-run API calls for this dataset (and its previewed table) against this very server. */
export function ApiExamples({
  datasetName,
  resourceId,
}: {
  readonly datasetName: string;
  readonly resourceId: string | null;
}) {
  const t = useMessages(datasetMessages);
  return (
    <Stack gap="md">
      <Text size="sm">
        {t.apiIntro}{' '}
        <Anchor href="/docs" size="sm">
          /docs
        </Anchor>
      </Text>
      {apiExamples(window.location.origin, datasetName, resourceId).map((example) => (
        <CodeSample key={example.key} title={t[titles[example.key]]} code={example.code} />
      ))}
    </Stack>
  );
}
