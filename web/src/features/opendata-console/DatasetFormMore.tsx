import { SimpleGrid, TextInput, Title } from '@mantine/core';
import { useMessages } from '../../lib/i18n';
import type { FormField } from './dataset-form';
import { publishMessages } from './publish.i18n';

export interface TextFieldProps {
  readonly value: string;
  readonly onChange: (event: { currentTarget: { value: string } }) => void;
  readonly error: string | undefined;
}

/** The optional contact and provenance fields. */
export function DatasetFormMore({ text }: { readonly text: (field: FormField) => TextFieldProps }) {
  const t = useMessages(publishMessages);
  return (
    <>
      <Title order={3} size="h5" mt="xs">
        {t.sectionMore}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t.fieldMaintainer} {...text('maintainer')} />
        <TextInput label={t.fieldMaintainerEmail} type="email" {...text('maintainerEmail')} />
        <TextInput label={t.fieldUrl} type="url" {...text('url')} />
        <TextInput label={t.fieldVersion} {...text('version')} />
      </SimpleGrid>
    </>
  );
}
