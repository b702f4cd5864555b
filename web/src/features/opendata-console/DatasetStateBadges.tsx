import { Badge, Group } from '@mantine/core';
import { useMessages } from '../../lib/i18n';
import type { CkanPackage } from '../opendata/opendata.types';
import { publishMessages } from './publish.i18n';

export function DatasetStateBadges({
  dataset,
}: {
  readonly dataset: Pick<CkanPackage, 'state' | 'private'>;
}) {
  const t = useMessages(publishMessages);
  return (
    <Group gap={4} wrap="nowrap">
      {dataset.state === 'draft' ? (
        <Badge color="yellow" variant="light">
          {t.stateDraft}
        </Badge>
      ) : (
        <Badge color="green" variant="light">
          {t.stateActive}
        </Badge>
      )}
      {dataset.private && (
        <Badge color="red" variant="light">
          {t.statePrivate}
        </Badge>
      )}
    </Group>
  );
}
