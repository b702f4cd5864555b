import { Badge } from '@mantine/core';
import { useMessages } from '../../lib/i18n';
import type { RunStatus } from './harvest.api';
import { harvestMessages } from './harvest.i18n';

const colors: Record<RunStatus, string> = {
  running: 'blue',
  succeeded: 'teal',
  partial: 'yellow',
  failed: 'red',
};

export function RunStatusBadge({ status }: { readonly status: RunStatus }) {
  const t = useMessages(harvestMessages);
  return (
    <Badge color={colors[status]} variant="light" tt="none">
      {t[status]}
    </Badge>
  );
}
