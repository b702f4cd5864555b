import { defineErrors } from '../http/app-error';

export const agencyErrors = defineErrors('AGENCY', {
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy cơ quan, đơn vị.', en: 'No such agency.' },
  CODE_TAKEN: {
    status: 409,
    vi: 'Mã cơ quan {code} đã tồn tại.',
    en: 'Agency code {code} is already in use.',
  },
  PARENT_NOT_FOUND: {
    status: 422,
    vi: 'Cơ quan cấp trên không tồn tại.',
    en: 'The parent agency does not exist.',
  },
  CYCLE: {
    status: 422,
    vi: 'Không thể đặt một cơ quan làm cấp trên của chính nó hoặc của cấp trên nó.',
    en: 'An agency cannot be placed under itself or under one of its own sub-agencies.',
  },
  HAS_CHILDREN: {
    status: 409,
    vi: 'Cơ quan còn đơn vị trực thuộc; hãy chuyển hoặc xoá các đơn vị đó trước.',
    en: 'The agency still has sub-agencies; move or delete them first.',
  },
});
