import { Anchor, Stack, Text } from '@mantine/core';
import { useMessages } from '../../lib/i18n';
import { datasetMessages } from './dataset.i18n';

const formats = [
  { extension: 'ttl', label: 'Turtle (.ttl)' },
  { extension: 'jsonld', label: 'JSON-LD (.jsonld)' },
  { extension: 'rdf', label: 'RDF/XML (.rdf)' },
] as const;

/** The dataset's DCAT-AP 3 description in the three serialisations the server offers. */
export function DcatLinks({ name }: { readonly name: string }) {
  const t = useMessages(datasetMessages);
  return (
    <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {formats.map((format) => (
        <li key={format.extension}>
          <Anchor href={`/dataset/${encodeURIComponent(name)}.${format.extension}`} size="sm">
            {format.label}
          </Anchor>
        </li>
      ))}
      <li>
        <Text size="xs" c="dimmed" mt={4}>
          {t.dcatCatalog}:{' '}
          <Anchor href="/catalog.ttl" size="xs">
            /catalog.ttl
          </Anchor>
        </Text>
      </li>
    </Stack>
  );
}
