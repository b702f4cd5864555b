import { defineErrors } from './app-error';

/** Errors any route can answer, raised by the kernel itself. */
export const platformErrors = defineErrors('PLATFORM', {
  VALIDATION_FAILED: {
    status: 400,
    vi: 'Dữ liệu gửi lên không hợp lệ.',
    en: 'The request is not valid.',
  },
  MALFORMED_JSON: {
    status: 400,
    vi: 'Nội dung JSON không đúng cú pháp.',
    en: 'The request body is not well-formed JSON.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    vi: 'Kiểu nội dung không được hỗ trợ.',
    en: 'The content type is not supported.',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    vi: 'Nội dung gửi lên quá lớn.',
    en: 'The request body is too large.',
  },
  NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy địa chỉ được yêu cầu.',
    en: 'No such resource.',
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    vi: 'Phương thức không được hỗ trợ cho địa chỉ này.',
    en: 'This method is not allowed here.',
  },
  CONFLICT: {
    status: 409,
    vi: 'Dữ liệu xung đột với bản ghi đã có.',
    en: 'The change conflicts with an existing record.',
  },
  CONSTRAINT_VIOLATED: {
    status: 422,
    vi: 'Thay đổi vi phạm ràng buộc dữ liệu.',
    en: 'The change violates a data rule.',
  },
  RATE_LIMITED: {
    status: 429,
    vi: 'Quá nhiều yêu cầu. Vui lòng thử lại sau {retryAfter}.',
    en: 'Too many requests. Try again in {retryAfter}.',
  },
  UNAVAILABLE: {
    status: 503,
    vi: 'Hệ thống tạm thời chưa sẵn sàng.',
    en: 'The service is not ready.',
  },
  INTERNAL: {
    status: 500,
    vi: 'Lỗi hệ thống. Sự cố đã được ghi lại.',
    en: 'Internal error. It has been logged.',
  },
});
