import { defineErrors } from '../http/app-error';

export const calendarErrors = defineErrors('CALENDAR', {
  DECISION_NOT_FOUND: {
    status: 404,
    vi: 'Chưa có quyết định nào cho ngày {day}.',
    en: 'No decision is recorded for {day}.',
  },
  DECISION_EXISTS: {
    status: 409,
    vi: 'Ngày {day} đã có quyết định; hãy sửa quyết định đó.',
    en: 'A decision for {day} already exists; change that one instead.',
  },
  INVALID_DAY: { status: 400, vi: 'Ngày không hợp lệ: {value}.', en: 'Not a valid day: {value}.' },
  INVALID_CUTOFF: {
    status: 400,
    vi: 'Giờ chốt tiếp nhận phải có dạng HH:MM (24 giờ).',
    en: 'The cutoff must be a 24-hour HH:MM time.',
  },
  INVALID_DAY_COUNT: {
    status: 400,
    vi: 'Số ngày làm việc phải là số nguyên từ 0 đến {max}.',
    en: 'The number of working days must be a whole number from 0 to {max}.',
  },
  YEAR_OUT_OF_RANGE: {
    status: 422,
    vi: 'Lịch làm việc chỉ tính được cho các năm từ {min} đến {max}.',
    en: 'The working-day calendar covers the years {min} to {max} only.',
  },
  RANGE_TOO_LONG: {
    status: 422,
    vi: 'Khoảng thời gian không được dài quá {maxYears} năm.',
    en: 'The period may not span more than {maxYears} years.',
  },
});
