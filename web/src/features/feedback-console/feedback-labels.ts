import type { Locale } from '../../lib/i18n';
import type { Role } from '../auth/roles';

/** The server's vocabularies (modules/feedback/report-states.ts), with how staff read them. */
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

export const channels = ['phone', 'web', 'mobile', 'zalo', 'sms', 'email', 'open311'] as const;
export type Channel = (typeof channels)[number];

export const rejectionReasons = ['out_of_scope', 'spam', 'duplicate', 'insufficient_information'] as const;
export type RejectionReason = (typeof rejectionReasons)[number];

/** Who may open which page; mirrors feedback.access.ts on the server. */
export const hubRoles: readonly Role[] = ['system_admin', 'call_center_operator'];
export const agencyRoles: readonly Role[] = ['system_admin', 'agency_admin', 'officer'];
export const staffReadRoles: readonly Role[] = [
  'system_admin',
  'call_center_operator',
  'agency_admin',
  'officer',
  'viewer',
];

type Labels<K extends string> = Readonly<Record<Locale, Readonly<Record<K, string>>>>;

// Staff wording: clearer about who holds the report than the citizen-facing labels the API sends.
export const statusLabels: Labels<ReportStatus> = {
  vi: {
    received: 'Mới tiếp nhận',
    classified: 'Đã phân loại',
    assigned: 'Đã chuyển cơ quan',
    in_progress: 'Đang xử lý',
    returned: 'Cơ quan trả lại',
    answered: 'Chờ duyệt trả lời',
    published: 'Đã công khai trả lời',
    closed: 'Đã kết thúc',
    rejected: 'Từ chối',
    merged: 'Đã gộp',
    reopened: 'Mở lại',
  },
  en: {
    received: 'New',
    classified: 'Classified',
    assigned: 'Transferred',
    in_progress: 'In progress',
    returned: 'Returned by agency',
    answered: 'Answer awaiting review',
    published: 'Answer published',
    closed: 'Closed',
    rejected: 'Rejected',
    merged: 'Merged',
    reopened: 'Reopened',
  },
};

export const statusColors: Readonly<Record<ReportStatus, string>> = {
  received: 'blue',
  classified: 'cyan',
  assigned: 'indigo',
  in_progress: 'violet',
  returned: 'orange',
  answered: 'yellow',
  published: 'teal',
  closed: 'gray',
  rejected: 'red',
  merged: 'gray',
  reopened: 'orange',
};

export const channelLabels: Labels<Channel> = {
  vi: {
    phone: 'Điện thoại',
    web: 'Cổng thông tin',
    mobile: 'Ứng dụng di động',
    zalo: 'Zalo',
    sms: 'Tin nhắn SMS',
    email: 'Thư điện tử',
    open311: 'Open311',
  },
  en: {
    phone: 'Phone',
    web: 'Web portal',
    mobile: 'Mobile app',
    zalo: 'Zalo',
    sms: 'SMS',
    email: 'E-mail',
    open311: 'Open311',
  },
};

export const rejectionLabels: Labels<RejectionReason> = {
  vi: {
    out_of_scope: 'Không thuộc phạm vi tiếp nhận',
    spam: 'Nội dung rác, quảng cáo',
    duplicate: 'Trùng với phản ánh đã có',
    insufficient_information: 'Thiếu thông tin để xử lý',
  },
  en: {
    out_of_scope: 'Outside the scope of the hotline',
    spam: 'Spam',
    duplicate: 'Duplicate of an existing report',
    insufficient_information: 'Not enough information to act on',
  },
};

const actionLabels: Labels<string> = {
  vi: {
    submitted: 'Tiếp nhận',
    received: 'Tiếp nhận',
    classified: 'Phân loại',
    assigned: 'Chuyển cơ quan xử lý',
    reassigned: 'Chuyển lại cơ quan khác',
    accepted: 'Cơ quan bắt đầu xử lý',
    in_progress: 'Cơ quan bắt đầu xử lý',
    closed: 'Kết thúc',
    answered: 'Cơ quan trả lời',
    sent_back: 'Trả lại để xử lý tiếp',
    published: 'Duyệt và công khai trả lời',
    returned: 'Cơ quan trả lại (không thuộc thẩm quyền)',
    rejected: 'Từ chối',
    merged: 'Gộp vào phản ánh khác',
    extension_requested: 'Xin gia hạn',
    extension_approved: 'Đồng ý gia hạn',
    extension_denied: 'Không đồng ý gia hạn',
    deadline_reminder: 'Nhắc hạn xử lý',
    deadline_escalation: 'Báo quá hạn',
    rated: 'Người dân đánh giá',
    reopened: 'Mở lại',
    closed_unrated: 'Kết thúc (không đánh giá)',
  },
  en: {
    submitted: 'Received',
    received: 'Received',
    classified: 'Classified',
    assigned: 'Transferred to agency',
    reassigned: 'Reassigned to another agency',
    accepted: 'Agency started work',
    in_progress: 'Agency started work',
    closed: 'Closed',
    answered: 'Agency answered',
    sent_back: 'Sent back for more work',
    published: 'Answer approved and published',
    returned: 'Returned by agency (not theirs)',
    rejected: 'Rejected',
    merged: 'Merged into another report',
    extension_requested: 'Extension requested',
    extension_approved: 'Extension approved',
    extension_denied: 'Extension refused',
    deadline_reminder: 'Deadline reminder',
    deadline_escalation: 'Overdue escalation',
    rated: 'Citizen rated',
    reopened: 'Reopened',
    closed_unrated: 'Closed (not rated)',
  },
};

/** A history action in words; an action this page does not know yet shows as the server names it. */
export function actionLabel(locale: Locale, action: string): string {
  return actionLabels[locale][action] ?? action;
}
