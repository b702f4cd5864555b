import type { FeedbackTemplate } from './notifier.port';

/** Template keys, so that senders and the registered list cannot drift apart. */
export const templateKeys = {
  received: 'feedback.received',
  statusChanged: 'feedback.status_changed',
  answerPublished: 'feedback.answer_published',
  agencyAssigned: 'feedback.agency_assigned',
  deadlineReminder: 'feedback.deadline_reminder',
  deadlineEscalation: 'feedback.deadline_escalation',
} as const;

/** Messages to citizens and agencies, in Vietnamese and English. Values are plain text. */
export const feedbackTemplates: readonly FeedbackTemplate[] = [
  {
    key: templateKeys.received,
    subject: { vi: 'Đã tiếp nhận phản ánh {code}', en: 'Report {code} received' },
    body: {
      vi: 'Tổng đài 1022 đã tiếp nhận phản ánh của bạn, mã phản ánh {code}. Theo dõi tại {trackUrl}',
      en: 'The 1022 hotline received your report, tracking code {code}. Follow it at {trackUrl}',
    },
    short: {
      vi: '1022: da tiep nhan phan anh {code}. Tra cuu: {trackUrl}',
      en: '1022: report {code} received. Track: {trackUrl}',
    },
  },
  {
    key: templateKeys.statusChanged,
    subject: { vi: 'Phản ánh {code}: {status}', en: 'Report {code}: {status}' },
    body: {
      vi: 'Phản ánh {code} chuyển sang trạng thái "{status}". {note} Theo dõi tại {trackUrl}',
      en: 'Report {code} is now "{status}". {note} Follow it at {trackUrl}',
    },
    short: {
      vi: '1022: phan anh {code} - {status}. {trackUrl}',
      en: '1022: report {code} - {status}. {trackUrl}',
    },
  },
  {
    key: templateKeys.answerPublished,
    subject: { vi: 'Phản ánh {code} đã có kết quả trả lời', en: 'Report {code} has been answered' },
    body: {
      vi: '{agency} trả lời phản ánh {code}:\n\n{answer}\n\nĐánh giá kết quả: {ratingUrl}',
      en: '{agency} answered report {code}:\n\n{answer}\n\nRate the answer: {ratingUrl}',
    },
    short: {
      vi: '1022: phan anh {code} da co tra loi. Xem va danh gia: {ratingUrl}',
      en: '1022: report {code} was answered. Read and rate: {ratingUrl}',
    },
  },
  {
    key: templateKeys.agencyAssigned,
    subject: { vi: 'Phản ánh {code} chuyển đến đơn vị', en: 'Report {code} assigned to your agency' },
    body: {
      vi: 'Tổng đài 1022 chuyển phản ánh {code} ({category}) đến đơn vị. Hạn xử lý: {dueDate}. {consoleUrl}',
      en: 'The 1022 hub assigned report {code} ({category}) to your agency. Deadline: {dueDate}. {consoleUrl}',
    },
    short: {
      vi: '1022: phan anh {code} chuyen den don vi, han {dueDate}',
      en: '1022: report {code} assigned, due {dueDate}',
    },
  },
  {
    key: templateKeys.deadlineReminder,
    subject: { vi: 'Sắp đến hạn: phản ánh {code}', en: 'Due soon: report {code}' },
    body: {
      vi: 'Phản ánh {code} đến hạn trả lời lúc {dueDate}. {consoleUrl}',
      en: 'Report {code} is due at {dueDate}. {consoleUrl}',
    },
    short: { vi: '1022: phan anh {code} den han {dueDate}', en: '1022: report {code} due {dueDate}' },
  },
  {
    key: templateKeys.deadlineEscalation,
    subject: { vi: 'Quá hạn: phản ánh {code}', en: 'Overdue: report {code}' },
    body: {
      vi: 'Phản ánh {code} giao cho {agency} đã quá hạn trả lời ({dueDate}). Đề nghị lãnh đạo đơn vị chỉ đạo xử lý. {consoleUrl}',
      en: 'Report {code} assigned to {agency} is overdue (due {dueDate}). Please see that it is handled. {consoleUrl}',
    },
    short: {
      vi: '1022: phan anh {code} qua han {dueDate}',
      en: '1022: report {code} overdue since {dueDate}',
    },
  },
];
