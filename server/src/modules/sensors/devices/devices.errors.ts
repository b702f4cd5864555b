import { defineErrors } from '../../../platform/http/app-error';

/** The device registry's errors; merged into the sensors module's catalogue (codes SENSORS_DEVICE_…). */
export const devicesErrors = defineErrors('SENSORS', {
  DEVICE_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy thiết bị.',
    en: 'No such device.',
  },
  DEVICE_OUTSIDE_SCOPE: {
    status: 403,
    vi: 'Bạn chỉ quản lý được thiết bị của cơ quan mình.',
    en: 'You can only manage devices of your own agency.',
  },
  DEVICE_TOKEN_INVALID: {
    status: 401,
    vi: 'Mã thiết bị không đúng hoặc thiết bị chưa được cấp mã.',
    en: 'The device token is wrong, or the device has none.',
  },
  DEVICE_STREAM_NOT_CAMERA: {
    status: 422,
    vi: 'Chỉ camera mới có đường dẫn luồng video.',
    en: 'Only cameras have a stream URL.',
  },
  DEVICE_CONSENT_REQUIRED: {
    status: 422,
    vi: 'Camera do người dân, doanh nghiệp đóng góp cần tên chủ sở hữu và thời điểm đồng ý.',
    en: 'A contributed camera needs its owner name and the time of consent.',
  },
  DEVICE_BBOX_INVALID: {
    status: 400,
    vi: 'Khung bản đồ (bbox) phải là minLon,minLat,maxLon,maxLat.',
    en: 'bbox must be minLon,minLat,maxLon,maxLat.',
  },
});
