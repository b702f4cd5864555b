import { defineErrors } from '../../../platform/http/app-error';

/** Errors of the live feed; merged into the sensors catalogue. */
export const liveErrors = defineErrors('SENSORS', {
  LIVE_FULL: {
    status: 503,
    vi: 'Kênh dữ liệu trực tiếp đang đủ người kết nối; vui lòng thử lại sau.',
    en: 'The live feed has as many clients as it can serve; try again later.',
  },
  LIVE_TOO_MANY_FROM_IP: {
    status: 429,
    vi: 'Địa chỉ của bạn đã mở quá nhiều kết nối trực tiếp.',
    en: 'Too many live connections from your address.',
  },
});
