import { defineErrors } from '../../platform/http/app-error';

export const programErrors = defineErrors('PROGRAM', {
  TEAM_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy tổ công nghệ số cộng đồng.',
    en: 'No such community digital team.',
  },
  TEAM_OUTSIDE_SCOPE: {
    status: 403,
    vi: 'Bạn chỉ quản lý được các tổ thuộc cơ quan của mình.',
    en: 'You can only manage teams of your own agency.',
  },
});
