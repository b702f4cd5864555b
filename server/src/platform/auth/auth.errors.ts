import { defineErrors } from '../http/app-error';

export const authErrors = defineErrors('AUTH', {
  UNAUTHENTICATED: { status: 401, vi: 'Vui lòng đăng nhập.', en: 'Sign in first.' },
  FORBIDDEN: {
    status: 403,
    vi: 'Tài khoản không có quyền thực hiện thao tác này.',
    en: 'Your account is not allowed to do this.',
  },
  INVALID_CREDENTIALS: {
    status: 401,
    vi: 'Email hoặc mật khẩu không đúng.',
    en: 'Wrong e-mail or password.',
  },
  ACCOUNT_LOCKED: {
    status: 423,
    vi: 'Tài khoản tạm khoá do đăng nhập sai nhiều lần. Thử lại sau {minutes} phút.',
    en: 'Account locked after repeated failed sign-ins. Try again in {minutes} minutes.',
  },
  ACCOUNT_DISABLED: { status: 403, vi: 'Tài khoản đã bị vô hiệu hoá.', en: 'This account is disabled.' },
  CSRF_TOKEN_INVALID: {
    status: 403,
    vi: 'Phiên làm việc không hợp lệ, vui lòng tải lại trang.',
    en: 'Missing or wrong CSRF token; reload the page.',
  },
  TOKEN_INVALID: {
    status: 401,
    vi: 'Mã truy cập API không hợp lệ, đã hết hạn hoặc đã bị thu hồi.',
    en: 'The API token is unknown, expired or revoked.',
  },
  WRONG_CURRENT_PASSWORD: {
    status: 400,
    vi: 'Mật khẩu hiện tại không đúng.',
    en: 'The current password is wrong.',
  },
  WEAK_PASSWORD: {
    status: 400,
    vi: 'Mật khẩu phải có ít nhất {min} ký tự.',
    en: 'The password must have at least {min} characters.',
  },
  TOKEN_NOT_FOUND: { status: 404, vi: 'Không tìm thấy mã truy cập API.', en: 'No such API token.' },
  USER_NOT_FOUND: { status: 404, vi: 'Không tìm thấy tài khoản.', en: 'No such user.' },
  EMAIL_TAKEN: {
    status: 409,
    vi: 'Email này đã được dùng cho tài khoản khác.',
    en: 'This e-mail is already in use.',
  },
  INVALID_ROLE_GRANT: {
    status: 422,
    vi: 'Vai trò {role} không hợp lệ với phạm vi cơ quan đã chọn.',
    en: 'Role {role} does not fit the chosen agency scope.',
  },
  CANNOT_REMOVE_LAST_ADMIN: {
    status: 409,
    vi: 'Không thể bỏ quyền quản trị hệ thống cuối cùng.',
    en: 'The last system administrator cannot be removed.',
  },
});
