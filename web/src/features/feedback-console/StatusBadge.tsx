import { Badge } from '@mantine/core';
import { useLocale } from '../../lib/i18n';
import { statusColors, statusLabels, type ReportStatus } from './feedback-labels';

export function StatusBadge({ status }: { readonly status: ReportStatus }) {
  const { locale } = useLocale();
  return (
    <Badge color={statusColors[status]} variant="light" tt="none">
      {statusLabels[locale][status]}
    </Badge>
  );
}
