import { defineMessages, type Locale } from '../../lib/i18n';

export const adminUnitLevels = [
  'province',
  'district',
  'ward',
  'commune',
  'township',
  'special_zone',
] as const;
export type AdminUnitLevel = (typeof adminUnitLevels)[number];

export const levelLabels: Readonly<Record<Locale, Readonly<Record<AdminUnitLevel, string>>>> = {
  vi: {
    province: 'Tỉnh, thành phố',
    district: 'Quận, huyện',
    ward: 'Phường',
    commune: 'Xã',
    township: 'Thị trấn',
    special_zone: 'Đặc khu',
  },
  en: {
    province: 'Province/city',
    district: 'District',
    ward: 'Ward',
    commune: 'Commune',
    township: 'Township',
    special_zone: 'Special zone',
  },
};

export const adminUnitMessages = defineMessages(
  {
    title: 'Đơn vị hành chính',
    intro:
      'Danh mục đơn vị hành chính theo thời gian. Từ 01/07/2025, chính quyền địa phương hai cấp: không còn cấp huyện; chọn ngày để xem cơ cấu tại thời điểm đó.',
    at: 'Có hiệu lực vào ngày',
    before: 'Trước sắp xếp (30/06/2025)',
    after: 'Sau sắp xếp (01/07/2025)',
    today: 'Hôm nay',
    quickDates: 'Chọn nhanh ngày',
    level: 'Cấp',
    anyLevel: 'Mọi cấp',
    q: 'Tìm theo tên hoặc mã',
    code: 'Mã',
    name: 'Tên',
    parent: 'Trực thuộc',
    validity: 'Hiệu lực',
    from: 'từ {from}',
    fromTo: '{from} – {to}',
    source: 'Nguồn',
    children: 'Xem đơn vị trực thuộc',
    path: 'Đường dẫn',
    all: 'Tất cả',
    empty: 'Không có đơn vị hành chính nào có hiệu lực vào ngày này với bộ lọc đã chọn.',
    listLabel: 'Danh sách đơn vị hành chính',
    unavailable: 'Máy chủ chưa cung cấp danh mục đơn vị hành chính.',
  },
  {
    title: 'Administrative units',
    intro:
      'Effective-dated administrative units. From 1 July 2025 local government has two tiers, without districts; pick a day to see the structure on that day.',
    at: 'Valid on',
    before: 'Before the reform (30/06/2025)',
    after: 'After the reform (01/07/2025)',
    today: 'Today',
    quickDates: 'Quick dates',
    level: 'Level',
    anyLevel: 'Any level',
    q: 'Search name or code',
    code: 'Code',
    name: 'Name',
    parent: 'Parent',
    validity: 'Valid',
    from: 'from {from}',
    fromTo: '{from} – {to}',
    source: 'Source',
    children: 'Show sub-units',
    path: 'Path',
    all: 'All',
    empty: 'No administrative unit valid on that day matches the filters.',
    listLabel: 'Administrative units',
    unavailable: 'The server does not offer the administrative units yet.',
  },
);
