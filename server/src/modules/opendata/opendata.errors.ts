import { defineErrors } from '../../platform/http/app-error';

/** Errors of /api/v1/opendata (the CKAN and DCAT routes answer in their own formats). */
export const opendataErrors = defineErrors('OPENDATA', {
  DATASET_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy bộ dữ liệu.',
    en: 'No such dataset.',
  },
  SMS_ANSWER_NOT_FOUND: { status: 404, vi: 'Không tìm thấy câu trả lời SMS.', en: 'No such SMS answer.' },
  SMS_ANSWER_FORBIDDEN: {
    status: 403,
    vi: 'Bạn không có quyền biên tập tài nguyên này.',
    en: 'You may not edit this resource.',
  },
  SMS_ANSWER_TOPIC_EMPTY: {
    status: 400,
    vi: 'Chủ đề phải có ít nhất một từ.',
    en: 'The topic needs at least one word.',
  },
  SMS_ANSWER_TOPIC_TAKEN: {
    status: 409,
    vi: 'Chủ đề "{topic}" đã có câu trả lời.',
    en: 'The topic "{topic}" already has an answer.',
  },
  SMS_ANSWER_COLUMNS: {
    status: 400,
    vi: 'Tài nguyên {resourceId} không có bảng DataStore công khai với các cột đã chọn.',
    en: 'Resource {resourceId} has no public DataStore table with the chosen columns.',
  },
});
