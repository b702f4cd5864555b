import { defineErrors } from '../../../platform/http/app-error';

/** Alert rules' and incidents' errors; merged into the sensors module's catalogue (SENSORS_ALERT_…, SENSORS_INCIDENT_…). */
export const alertsErrors = defineErrors('SENSORS', {
  ALERT_RULE_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy quy tắc cảnh báo.',
    en: 'No such alert rule.',
  },
  ALERT_RULE_INVALID: {
    status: 422,
    vi: 'Quy tắc cảnh báo không hợp lệ: {problem}',
    en: 'Invalid alert rule: {problem}',
  },
  ALERT_RULE_TARGET_NOT_FOUND: {
    status: 422,
    vi: 'Không tìm thấy đối tượng mà quy tắc theo dõi: {problem}',
    en: 'The rule watches something that does not exist: {problem}',
  },
  ALERT_RULE_OUTSIDE_SCOPE: {
    status: 403,
    vi: 'Bạn chỉ quản lý được quy tắc cảnh báo của cơ quan mình.',
    en: 'You can only manage the alert rules of your own agency.',
  },
  INCIDENT_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy sự cố.',
    en: 'No such incident.',
  },
  INCIDENT_TRANSITION_INVALID: {
    status: 409,
    vi: 'Không thể {action} sự cố đang ở trạng thái "{status}".',
    en: 'Cannot {action} an incident that is {status}.',
  },
  INCIDENT_AGENCY_NOT_FOUND: {
    status: 422,
    vi: 'Không tìm thấy cơ quan được giao xử lý.',
    en: 'No such agency to assign.',
  },
});
