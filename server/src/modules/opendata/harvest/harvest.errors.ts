import { defineErrors } from '../../../platform/http/app-error';

/** Errors of /api/v1/opendata/harvest (merged into the opendata catalogue by the module). */
export const harvestErrors = defineErrors('OPENDATA', {
  HARVEST_SOURCE_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy nguồn thu thập.',
    en: 'No such harvest source.',
  },
  HARVEST_RUN_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy lần thu thập.',
    en: 'No such harvest run.',
  },
  HARVEST_URL_INVALID: {
    status: 400,
    vi: 'Địa chỉ nguồn phải là URL http hoặc https đầy đủ, không chứa tên đăng nhập hay mật khẩu.',
    en: 'The source address must be a full http or https URL without user name or password.',
  },
  HARVEST_ORGANIZATION_NOT_FOUND: {
    status: 400,
    vi: 'Cơ quan nhận bộ dữ liệu thu thập không tồn tại.',
    en: 'The organisation that should receive the harvested datasets does not exist.',
  },
  HARVEST_FORBIDDEN: {
    status: 403,
    vi: 'Bạn chỉ quản lý được nguồn thu thập của cơ quan mình.',
    en: 'You may manage only the harvest sources of your own organisation.',
  },
  HARVEST_SOURCE_NAME_TAKEN: {
    status: 409,
    vi: 'Đã có nguồn thu thập mang tên này.',
    en: 'A harvest source with this name already exists.',
  },
  HARVEST_RUN_IN_PROGRESS: {
    status: 409,
    vi: 'Nguồn này đang được thu thập; hãy đợi lần chạy hiện tại kết thúc.',
    en: 'This source is being harvested; wait for the current run to finish.',
  },
});
