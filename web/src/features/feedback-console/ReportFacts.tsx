import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../lib/format';
import { fill, pick, useLocale, useMessages } from '../../lib/i18n';
import { useAllAgencies } from '../agencies/agencies.api';
import { DeadlineInfo } from './DeadlineInfo';
import type { StaffReportDetail } from './feedback-console.api';
import { useAdminUnitOptions, useWorkingCalendar } from './feedback-console.hooks';
import { channelLabels, rejectionLabels } from './feedback-labels';
import { consoleMessages } from './feedback-console.i18n';
import { detailMessages } from './report-detail.i18n';
import { StatusBadge } from './StatusBadge';

function Fact({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/** Who reported what, where, when and to whom it went; the description and answer as plain text. */
export function ReportFacts({ report }: { readonly report: StaffReportDetail }) {
  const t = useMessages(detailMessages);
  const list = useMessages(consoleMessages);
  const { locale } = useLocale();
  const agencies = useAllAgencies();
  const calendar = useWorkingCalendar();
  const units = useAdminUnitOptions();
  const agency = agencies.data?.find((candidate) => candidate.id === report.agencyId);
  const reporter = report.isAnonymous
    ? t.anonymous
    : [report.reporter.name, report.reporter.phone, report.reporter.email].filter(Boolean).join(' · ');
  return (
    <Stack gap="md">
      <Group gap="xs">
        <StatusBadge status={report.status} />
        {report.urgent && (
          <Badge color="red" tt="none">
            {list.urgent}
          </Badge>
        )}
        {report.isSample && (
          <Badge color="gray" variant="outline" tt="none">
            {list.sample}
          </Badge>
        )}
      </Group>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" m={0} aria-label={t.facts}>
          <Fact label={t.reporter}>{reporter}</Fact>
          <Fact label={t.received}>
            {formatDateTime(report.receivedAt)} · {channelLabels[locale][report.channel]}
          </Fact>
          <Fact label={t.category}>
            {report.categoryName ? pick(locale, report.categoryName) : list.noCategory}
          </Fact>
          <Fact label={t.unit}>
            {units.find((unit) => unit.value === report.adminUnitCode)?.label ?? report.adminUnitCode ?? '—'}
          </Fact>
          <Fact label={t.agency}>
            {agency ? pick(locale, { vi: agency.nameVi, en: agency.nameEn }) : '—'}
          </Fact>
          <Fact label={list.deadline}>
            <DeadlineInfo report={report} calendar={calendar} />
          </Fact>
          <Fact label={t.place}>{report.address ?? '—'}</Fact>
          {report.mergedInto && (
            <Fact label={list.status}>{fill(t.mergedInto, { code: report.mergedInto })}</Fact>
          )}
          {report.rejectionReason && (
            <Fact label={t.rejection}>{rejectionLabels[locale][report.rejectionReason]}</Fact>
          )}
        </SimpleGrid>
      </Paper>
      <div>
        <Text size="xs" c="dimmed">
          {t.description}
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{report.description}</Text>
      </div>
      {report.answer && (
        <Paper withBorder p="md" bg="var(--mantine-color-teal-0)">
          <Text size="xs" c="dimmed">
            {t.answer}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="report-answer">
            {report.answer}
          </Text>
          {report.reviewNote && (
            <Text size="sm" c="dimmed" mt="xs">
              {t.reviewNote}: {report.reviewNote}
            </Text>
          )}
        </Paper>
      )}
    </Stack>
  );
}
