import { defineErrors } from '../../platform/http/app-error';

/**
 * The sensors module's error catalogue. SensorThings answers them in its own body
 * (`{ code, type, message, errorCode }`, see sta/sta.error-handler.ts); `{problem}` names what was wrong
 * (in English: it quotes the request's own syntax).
 */
export const sensorsErrors = defineErrors('SENSORS', {
  FILTER_INVALID: {
    status: 400,
    vi: 'Biểu thức $filter không hợp lệ: {problem}',
    en: 'Invalid $filter expression: {problem}',
  },
  QUERY_OPTION_INVALID: {
    status: 400,
    vi: 'Tham số truy vấn không hợp lệ: {problem}',
    en: 'Invalid query option: {problem}',
  },
  PATH_INVALID: {
    status: 400,
    vi: 'Đường dẫn SensorThings không hợp lệ: {problem}',
    en: 'Invalid SensorThings path: {problem}',
  },
  ENTITY_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy đối tượng: {problem}',
    en: 'No such entity: {problem}',
  },
  ENTITY_INVALID: {
    status: 400,
    vi: 'Dữ liệu gửi lên không hợp lệ: {problem}',
    en: 'Invalid entity: {problem}',
  },
  OBSERVATION_INVALID: {
    status: 400,
    vi: 'Quan trắc không hợp lệ: {problem}',
    en: 'Invalid observation: {problem}',
  },
  NOT_IMPLEMENTED: {
    status: 501,
    vi: 'Chưa hỗ trợ: {problem}',
    en: 'Not implemented: {problem}',
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    vi: 'Không dùng được phương thức này ở đây: {problem}',
    en: 'Method not allowed here: {problem}',
  },
});

export type SensorsErrorKey = keyof typeof sensorsErrors;
