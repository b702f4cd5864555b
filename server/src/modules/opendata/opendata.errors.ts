import { defineErrors } from '../../platform/http/app-error';

/** Errors of /api/v1/opendata (the CKAN and DCAT routes answer in their own formats). */
export const opendataErrors = defineErrors('OPENDATA', {
  DATASET_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy bộ dữ liệu.',
    en: 'No such dataset.',
  },
});
