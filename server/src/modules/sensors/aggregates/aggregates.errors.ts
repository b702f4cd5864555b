import { defineErrors } from '../../../platform/http/app-error';

/** Errors of the aggregates, AQI and retention endpoints; merged into the sensors catalogue. */
export const aggregatesErrors = defineErrors('SENSORS', {
  AGGREGATE_RANGE_INVALID: {
    status: 400,
    vi: 'Khoảng thời gian không hợp lệ: {problem}',
    en: 'Invalid time range: {problem}',
  },
  DATASTREAM_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy luồng dữ liệu (Datastream).',
    en: 'No such datastream.',
  },
  AREA_TOO_LARGE: {
    status: 422,
    vi: 'Khu vực có quá nhiều luồng dữ liệu ({count}); hãy chọn đơn vị hành chính nhỏ hơn.',
    en: 'The area has too many datastreams ({count}); choose a smaller administrative unit.',
  },
});
