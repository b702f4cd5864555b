import { defineErrors } from '../../platform/http/app-error';

export const notifyErrors = defineErrors('NOTIFY', {
  MESSAGE_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy tin nhắn.',
    en: 'No such message.',
  },
  MESSAGE_NOT_RETRYABLE: {
    status: 409,
    vi: 'Chỉ gửi lại được tin nhắn đã thất bại hoặc bị chặn.',
    en: 'Only failed or suppressed messages can be sent again.',
  },
  ADDRESS_INVALID: {
    status: 400,
    vi: 'Địa chỉ người nhận không hợp lệ với kênh này.',
    en: 'The address is not valid for this channel.',
  },
  OPT_OUT_TOKEN_UNKNOWN: {
    status: 404,
    vi: 'Liên kết hủy nhận thông báo không hợp lệ hoặc đã hết hiệu lực.',
    en: 'This unsubscribe link is not valid.',
  },
  WEBHOOK_NOT_CONFIGURED: {
    status: 403,
    vi: 'Kênh nhận tin này chưa được cấu hình.',
    en: 'This inbound channel is not configured.',
  },
  WEBHOOK_SIGNATURE_INVALID: {
    status: 401,
    vi: 'Chữ ký của yêu cầu không hợp lệ.',
    en: 'The request signature is not valid.',
  },
  WEBHOOK_EXPIRED: {
    status: 401,
    vi: 'Yêu cầu đã quá hạn hoặc có thời điểm không hợp lệ.',
    en: 'The request is too old or its timestamp is not valid.',
  },
  WEBHOOK_PAYLOAD_INVALID: {
    status: 400,
    vi: 'Nội dung sự kiện gửi đến không hợp lệ.',
    en: 'The event payload is not valid.',
  },
});
