import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../lib/format';
import { fill, pick, useLocale, useMessages } from '../../lib/i18n';
import type { ReportDetail } from './feedback.api';
import { statusColors, statusNames } from './feedback.i18n';
import { useAgencyNames, useAreas } from './reference-data';
import { trackMessages } from './track.i18n';

function Fact({ term, children }: { readonly term: string; readonly children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {term}
      </Text>
      <Text component="dd" m={0} fw={500} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/** The facts of a report, its text (once published) and the published answer. Never the reporter. */
export function ReportSummary({ report }: { readonly report: ReportDetail }) {
  const t = useMessages(trackMessages);
  const statuses = useMessages(statusNames);
  const { locale } = useLocale();
  const { names } = useAgencyNames();
  const areas = useAreas();
  const agency = report.agencyId ? names.get(report.agencyId) : undefined;
  const area = areas.data?.find((unit) => unit.code === report.adminUnitCode);

  return (
    <Stack gap="lg">
      <Paper withBorder p="md" component="section" aria-label={t.summary}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} component="dl" m={0} spacing="md">
          <Fact term={t.status}>
            <Badge color={statusColors[report.status]} variant="light" size="lg" tt="none">
              {statuses[report.status]}
            </Badge>
          </Fact>
          <Fact term={t.category}>{report.categoryName ? pick(locale, report.categoryName) : '—'}</Fact>
          <Fact term={t.receivedAt}>{formatDateTime(report.receivedAt)}</Fact>
          <Fact term={t.dueAt}>
            <Group gap={6} component="span">
              <span>{report.dueAt ? formatDateTime(report.dueAt) : '—'}</span>
              {report.overdue && (
                <Badge color="red" variant="light" tt="none">
                  {t.overdue}
                </Badge>
              )}
            </Group>
          </Fact>
          <Fact term={t.agency}>
            {report.agencyId ? (agency ? pick(locale, agency) : '…') : t.notAssigned}
          </Fact>
          {report.adminUnitCode && (
            <Fact term={t.area}>
              {area ? pick(locale, { vi: area.nameVi, en: area.nameEn }) : report.adminUnitCode}
            </Fact>
          )}
        </SimpleGrid>
      </Paper>
      <Stack component="section" aria-labelledby="description-title" gap="xs">
        <Title id="description-title" order={2} size="h3">
          {t.description}
        </Title>
        {report.description === null ? (
          <Text c="dimmed">{t.hiddenUntilPublished}</Text>
        ) : (
          <>
            <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{report.description}</Text>
            {report.address && (
              <Text size="sm" c="dimmed">
                {t.address}: {report.address}
              </Text>
            )}
          </>
        )}
      </Stack>
      {report.answer !== null && (
        <Paper component="section" aria-labelledby="answer-title" withBorder p="md" bg="green.0">
          <Title id="answer-title" order={2} size="h3" mb={4}>
            {t.answer}
          </Title>
          {report.publishedAt && (
            <Text size="sm" c="dimmed" mb="xs">
              {fill(t.publishedAt, { date: formatDateTime(report.publishedAt) })}
            </Text>
          )}
          <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{report.answer}</Text>
        </Paper>
      )}
    </Stack>
  );
}
