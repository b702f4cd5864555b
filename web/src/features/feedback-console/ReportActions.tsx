import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useMessages } from '../../lib/i18n';
import { hasAnyRole } from '../auth/roles';
import { useSession } from '../auth/session';
import { AcceptForm, ExtensionRequestForm, RespondForm, ReturnForm } from './AgencyForms';
import type { StaffReport } from './feedback-console.api';
import { agencyRoles, hubRoles, type ReportStatus } from './feedback-labels';
import { detailMessages } from './report-detail.i18n';
import { ExtensionDecisionForm, ReviewForm } from './ReviewForms';
import { TransferForm } from './TransferForm';
import { ClassifyForm, MergeForm, RejectForm } from './TriageForms';

// The hub holds these (docs/feedback.md, report-states.ts): triage happens here.
const hubHeld: readonly ReportStatus[] = ['received', 'classified', 'returned', 'reopened'];
const agencyHeld: readonly ReportStatus[] = ['assigned', 'in_progress'];

/** The hub's steps the report's state allows (the server checks again and refuses a stale one). */
function hubSteps(report: StaffReport): ReactNode[] {
  const key = report.updatedAt;
  if (hubHeld.includes(report.status))
    return [
      <TransferForm key={`transfer-${key}`} report={report} />,
      <ClassifyForm key={`classify-${key}`} report={report} />,
      <MergeForm key={`merge-${key}`} report={report} />,
      <RejectForm key={`reject-${key}`} report={report} />,
    ];
  if (agencyHeld.includes(report.status))
    return [
      <ExtensionDecisionForm key={`extension-${key}`} report={report} />,
      <TransferForm key={`transfer-${key}`} report={report} />,
      <MergeForm key={`merge-${key}`} report={report} />,
    ];
  if (report.status === 'answered') return [<ReviewForm key={`review-${key}`} report={report} />];
  return [];
}

function agencySteps(report: StaffReport): ReactNode[] {
  const key = report.updatedAt;
  if (!agencyHeld.includes(report.status)) return [];
  return [
    report.status === 'assigned' && <AcceptForm key={`accept-${key}`} report={report} />,
    <RespondForm key={`respond-${key}`} report={report} />,
    <ExtensionRequestForm key={`extension-${key}`} report={report} />,
    <ReturnForm key={`return-${key}`} report={report} />,
  ].filter(Boolean);
}

/**
 * The steps this user may take now: the hub's for operators, the agency's for officers (a system
 * administrator sees both). Forms are keyed by the report's version, so they start fresh after a step.
 */
export function ReportActions({ report }: { readonly report: StaffReport }) {
  const t = useMessages(detailMessages);
  const grants = useSession().data?.user.grants;
  const steps = [
    ...(hasAnyRole(grants, hubRoles) ? hubSteps(report) : []),
    ...(hasAnyRole(grants, agencyRoles) ? agencySteps(report) : []),
  ];
  return (
    <Stack component="section" aria-labelledby="report-actions" gap="sm">
      <Title id="report-actions" order={2} size="h4">
        {t.actions}
      </Title>
      {steps.length > 0 ? steps : <Text c="dimmed">{t.noActions}</Text>}
    </Stack>
  );
}
