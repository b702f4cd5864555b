import type { Localized } from '../../platform/i18n/locale';

/** Every state a report can be in (docs/feedback.md draws the machine). */
export const reportStatuses = [
  'received',
  'classified',
  'assigned',
  'in_progress',
  'returned',
  'answered',
  'published',
  'closed',
  'rejected',
  'merged',
  'reopened',
] as const;
export type ReportStatus = (typeof reportStatuses)[number];

export const channels = ['web', 'mobile', 'phone', 'zalo', 'sms', 'email', 'open311'] as const;
export type Channel = (typeof channels)[number];

export const notifyChannels = ['email', 'sms', 'zalo'] as const;
export type NotifyChannel = (typeof notifyChannels)[number];

export const rejectionReasons = ['out_of_scope', 'spam', 'duplicate', 'insufficient_information'] as const;
export type RejectionReason = (typeof rejectionReasons)[number];

export const ratings = ['satisfied', 'neutral', 'unsatisfied'] as const;
export type Rating = (typeof ratings)[number];

/** Open311 knows only open and closed: a report is closed once it is answered publicly or ended. */
export const closedStatuses: readonly ReportStatus[] = ['published', 'closed', 'rejected', 'merged'];
export const openStatuses: readonly ReportStatus[] = reportStatuses.filter(
  (s) => !closedStatuses.includes(s),
);

/** States in which the agency holds the report and its deadline runs (overdue is derived from these). */
export const agencyHeldStatuses: readonly ReportStatus[] = ['assigned', 'in_progress'];

/**
 * States the citizen is told about and that appear in the public history. The hub's internal steps
 * (classification, an agency returning a report, an answer waiting for review) are not announced.
 */
export const citizenVisibleStatuses: readonly ReportStatus[] = [
  'received',
  'assigned',
  'in_progress',
  'published',
  'closed',
  'rejected',
  'merged',
  'reopened',
];

/** A staff or citizen action that moves a report from one of `from` to `to`. */
export interface Transition {
  readonly from: readonly ReportStatus[];
  readonly to: ReportStatus;
}

const hubHeld: readonly ReportStatus[] = ['received', 'classified', 'returned', 'reopened'];

export const transitions = {
  classify: { from: hubHeld, to: 'classified' },
  reject: { from: hubHeld, to: 'rejected' },
  merge: { from: [...hubHeld, 'assigned', 'in_progress'], to: 'merged' },
  // Transfer to an agency, or reassign to another one (also after an agency returned it).
  transfer: { from: [...hubHeld, 'assigned', 'in_progress'], to: 'assigned' },
  accept: { from: ['assigned'], to: 'in_progress' },
  respond: { from: ['assigned', 'in_progress'], to: 'answered' },
  return: { from: ['assigned', 'in_progress'], to: 'returned' },
  approve: { from: ['answered'], to: 'published' },
  sendBack: { from: ['answered'], to: 'in_progress' },
  // Rating satisfied or neutral, or the reopen window ending without a rating.
  close: { from: ['published'], to: 'closed' },
  reopen: { from: ['published'], to: 'reopened' },
} as const satisfies Record<string, Transition>;
export type TransitionName = keyof typeof transitions;

export function isOpen(status: ReportStatus): boolean {
  return openStatuses.includes(status);
}

/** How each state reads to a citizen (notifications, tracking page, Open311 status_notes). */
export const statusLabels: Readonly<Record<ReportStatus, Localized>> = {
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  classified: { vi: 'Đã phân loại', en: 'Classified' },
  assigned: { vi: 'Đã chuyển cơ quan xử lý', en: 'Transferred to the responsible agency' },
  in_progress: { vi: 'Đang xử lý', en: 'In progress' },
  returned: { vi: 'Đang chuyển lại cơ quan khác', en: 'Being transferred to another agency' },
  answered: { vi: 'Đang xem xét kết quả xử lý', en: 'The answer is being reviewed' },
  published: { vi: 'Đã trả lời', en: 'Answered' },
  closed: { vi: 'Đã kết thúc', en: 'Closed' },
  rejected: { vi: 'Không xử lý', en: 'Not handled' },
  merged: { vi: 'Đã gộp với phản ánh trùng', en: 'Merged with a duplicate report' },
  reopened: { vi: 'Đã mở lại', en: 'Reopened' },
};

export const rejectionLabels: Readonly<Record<RejectionReason, Localized>> = {
  out_of_scope: { vi: 'Không thuộc phạm vi tiếp nhận', en: 'Outside the scope of the hotline' },
  spam: { vi: 'Nội dung rác, quảng cáo', en: 'Spam' },
  duplicate: { vi: 'Trùng với phản ánh đã có', en: 'Duplicate of an existing report' },
  insufficient_information: { vi: 'Thiếu thông tin để xử lý', en: 'Not enough information to act on' },
};
