import type { AlertTemplate } from './alert-notifier.port';

/** Messages to operators; `{severity}` arrives already in the recipient's language. */
export const alertTemplates: readonly AlertTemplate[] = [
  {
    key: 'sensors.alert.raised',
    subject: {
      vi: '[IOC] Cảnh báo {severity}: {ruleName}',
      en: '[IOC] {severity} alert: {ruleName}',
    },
    body: {
      vi: 'Quy tắc "{ruleName}" vừa phát cảnh báo mức {severity} tại {subjectName}.\nGiá trị: {value} {unit} (ngưỡng {threshold}), lúc {time}.\nXem và xử lý sự cố: {incidentUrl}',
      en: 'Rule "{ruleName}" raised a {severity} alert at {subjectName}.\nValue: {value} {unit} (threshold {threshold}) at {time}.\nSee and handle the incident: {incidentUrl}',
    },
    short: {
      vi: 'IOC: cảnh báo {severity} "{ruleName}" tại {subjectName}: {value} {unit}. {incidentUrl}',
      en: 'IOC: {severity} alert "{ruleName}" at {subjectName}: {value} {unit}. {incidentUrl}',
    },
  },
];

export const severityWords = {
  info: { vi: 'thông tin', en: 'info' },
  warning: { vi: 'cảnh báo', en: 'warning' },
  critical: { vi: 'khẩn cấp', en: 'critical' },
} as const;
