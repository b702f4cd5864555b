import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/format';
import { fill, pick, useLocale, useMessages } from '../../lib/i18n';
import type { Localized, PublicReport } from './feedback.api';
import { feedbackMessages, statusColors, statusNames } from './feedback.i18n';

/** Published reports with their answers; every text is plain (React escapes it). */
export function BoardList({
  reports,
  agencyNames,
}: {
  readonly reports: readonly PublicReport[];
  readonly agencyNames: ReadonlyMap<string, Localized>;
}) {
  const t = useMessages(feedbackMessages);
  const statuses = useMessages(statusNames);
  const { locale } = useLocale();
  return (
    <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {reports.map((report) => {
        const agency = report.agencyId ? agencyNames.get(report.agencyId) : undefined;
        return (
          <Card key={report.trackingCode} component="li" withBorder padding="md">
            <Stack gap={6}>
              <Group justify="space-between" gap="xs" align="flex-start">
                <Anchor
                  component={Link}
                  to={`/feedback/reports/${encodeURIComponent(report.trackingCode)}`}
                  fw={700}
                  aria-label={fill(t.viewReport, { code: report.trackingCode })}
                >
                  {report.trackingCode}
                </Anchor>
                <Group gap={6}>
                  {report.isSample && (
                    <Badge color="orange" variant="light" tt="none">
                      {t.sample}
                    </Badge>
                  )}
                  <Badge color={statusColors[report.status]} variant="light" tt="none">
                    {statuses[report.status]}
                  </Badge>
                </Group>
              </Group>
              <Text size="sm" c="dimmed">
                {[
                  report.categoryName ? pick(locale, report.categoryName) : null,
                  fill(t.receivedOn, { date: formatDateTime(report.receivedAt) }),
                  report.publishedAt
                    ? fill(t.publishedOn, { date: formatDateTime(report.publishedAt) })
                    : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
              {report.description && (
                <Text size="sm" lineClamp={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {report.description}
                </Text>
              )}
              {report.answer && (
                <Stack gap={2} p="xs" bg="green.0" style={{ borderRadius: 6 }}>
                  <Text size="xs" fw={700} c="green.9">
                    {t.answer}
                    {agency ? ` — ${fill(t.handledBy, { agency: pick(locale, agency) })}` : ''}
                  </Text>
                  <Text size="sm" lineClamp={5} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {report.answer}
                  </Text>
                </Stack>
              )}
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}
