import { defineErrors } from '../http/app-error';

/** Errors of the kernel's geo service (administrative units, point lookup). */
export const geoErrors = defineErrors('GEO', {
  ADMIN_UNIT_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy đơn vị hành chính mã {code} có hiệu lực vào ngày {at}.',
    en: 'No administrative unit with code {code} is valid on {at}.',
  },
  COORDINATES_OUT_OF_RANGE: {
    status: 400,
    vi: 'Toạ độ không hợp lệ: vĩ độ phải từ -90 đến 90, kinh độ từ -180 đến 180.',
    en: 'Coordinates out of range: latitude must be within -90..90 and longitude within -180..180.',
  },
  INVALID_DATE: {
    status: 400,
    vi: 'Ngày {value} không hợp lệ; dùng dạng YYYY-MM-DD.',
    en: 'The date {value} is not valid; use YYYY-MM-DD.',
  },
});
