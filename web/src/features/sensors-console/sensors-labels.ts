import type { Locale } from '../../lib/i18n';
import type {
  AlertOperator,
  AlertSeverity,
  DeviceStatus,
  DeviceType,
  IncidentEvent,
  IncidentStatus,
  OwnerKind,
  StreamAccess,
} from './sensors.api';

type Labels<K extends string> = Readonly<Record<Locale, Readonly<Record<K, string>>>>;

export const deviceTypeLabels: Labels<DeviceType> = {
  vi: {
    traffic_camera: 'Camera giao thông',
    security_camera: 'Camera an ninh',
    contributed_camera: 'Camera người dân, doanh nghiệp đóng góp',
    air_station: 'Trạm quan trắc không khí',
    water_level_gauge: 'Trạm đo mực nước',
    rain_gauge: 'Trạm đo mưa',
    wifi_access_point: 'Điểm wifi công cộng',
  },
  en: {
    traffic_camera: 'Traffic camera',
    security_camera: 'Security camera',
    contributed_camera: 'Contributed camera',
    air_station: 'Air-quality station',
    water_level_gauge: 'Water-level gauge',
    rain_gauge: 'Rain gauge',
    wifi_access_point: 'Public wifi access point',
  },
};

export const deviceStatusLabels: Labels<DeviceStatus> = {
  vi: { online: 'Trực tuyến', offline: 'Mất kết nối', unknown: 'Chưa rõ' },
  en: { online: 'Online', offline: 'Offline', unknown: 'Unknown' },
};

export const deviceStatusColors: Readonly<Record<DeviceStatus, string>> = {
  online: 'teal.9',
  offline: 'red.8',
  unknown: 'gray.7',
};

export const streamAccessLabels: Labels<StreamAccess> = {
  vi: { public: 'Công khai', operators: 'Cán bộ điều hành', owner: 'Chỉ chủ sở hữu' },
  en: { public: 'Public', operators: 'IOC operators', owner: 'Owner only' },
};

export const ownerKindLabels: Labels<OwnerKind> = {
  vi: { city: 'Thành phố', citizen: 'Người dân', business: 'Doanh nghiệp' },
  en: { city: 'City', citizen: 'Citizen', business: 'Business' },
};

export const severityLabels: Labels<AlertSeverity> = {
  vi: { info: 'Thông tin', warning: 'Cảnh báo', critical: 'Nghiêm trọng' },
  en: { info: 'Information', warning: 'Warning', critical: 'Critical' },
};

/** Severity colours with white text at ≥ 4.5:1. */
export const severityColors: Readonly<Record<AlertSeverity, string>> = {
  info: '#1864ab',
  warning: '#8a6200',
  critical: '#c92a2a',
};

export const incidentStatusLabels: Labels<IncidentStatus> = {
  vi: { open: 'Mới', acknowledged: 'Đã xác nhận', resolved: 'Đã xử lý xong' },
  en: { open: 'Open', acknowledged: 'Acknowledged', resolved: 'Resolved' },
};

export const incidentEventLabels: Labels<IncidentEvent['kind']> = {
  vi: {
    opened: 'Mở sự cố',
    raised_again: 'Cảnh báo lặp lại',
    alert_cleared: 'Hết vượt ngưỡng',
    acknowledged: 'Xác nhận',
    assigned: 'Giao cơ quan',
    commented: 'Ghi chú',
    resolved: 'Xử lý xong',
  },
  en: {
    opened: 'Opened',
    raised_again: 'Raised again',
    alert_cleared: 'Condition cleared',
    acknowledged: 'Acknowledged',
    assigned: 'Assigned',
    commented: 'Comment',
    resolved: 'Resolved',
  },
};

export const operatorLabels: Labels<AlertOperator> = {
  vi: {
    GT: 'Lớn hơn ngưỡng (>)',
    GTE: 'Lớn hơn hoặc bằng ngưỡng (≥)',
    LT: 'Nhỏ hơn ngưỡng (<)',
    LTE: 'Nhỏ hơn hoặc bằng ngưỡng (≤)',
    EQ: 'Bằng ngưỡng (=)',
    CHANGE: 'Giá trị thay đổi',
    CHANGE_DELTA: 'Thay đổi quá mức trong khoảng thời gian',
    FROZEN: 'Không có số liệu trong khoảng thời gian',
    DEVICE_OFFLINE: 'Thiết bị mất kết nối',
  },
  en: {
    GT: 'Above the threshold (>)',
    GTE: 'At or above the threshold (≥)',
    LT: 'Below the threshold (<)',
    LTE: 'At or below the threshold (≤)',
    EQ: 'Equal to the threshold (=)',
    CHANGE: 'Value changes',
    CHANGE_DELTA: 'Changes by more than the threshold within the window',
    FROZEN: 'No data within the window',
    DEVICE_OFFLINE: 'Device offline',
  },
};
