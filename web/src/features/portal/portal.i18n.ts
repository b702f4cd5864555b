import { defineMessages } from '../../lib/i18n';

export const portalMessages = defineMessages(
  {
    heroTitle: 'Chính quyền số, đô thị thông minh',
    heroText:
      'Nơi người dân, doanh nghiệp và cơ quan nhà nước tìm thông tin, dữ liệu và dịch vụ số của thành phố. Các con số dưới đây được cập nhật trực tiếp từ hệ thống.',
    servicesTitle: 'Dịch vụ đang có',
    servicesEmpty: 'Chưa có dịch vụ nào có dữ liệu.',
    servicesEmptyHint: 'Các dịch vụ sẽ xuất hiện ở đây khi cơ quan quản lý nhập dữ liệu.',
    open: 'Xem {name}',
    openShort: 'Xem chi tiết',
    version: 'Phiên bản {version}',
    developersTitle: 'Dành cho nhà phát triển',
    developersText: 'Mọi dữ liệu công khai đều có API mở, có tài liệu OpenAPI.',
    apiDocs: 'Xem tài liệu API',
    consoleWelcome: 'Xin chào, {name}',
    consoleIntro: 'Chọn một mục trong menu để bắt đầu. Bạn chỉ thấy các trang mà vai trò của bạn cho phép.',
    yourRoles: 'Vai trò của bạn',
    noRoles: 'Tài khoản chưa được gán vai trò nào.',
    cityWide: 'toàn thành phố',
    figures: 'Số liệu hệ thống',
  },
  {
    heroTitle: 'Digital government, smart city',
    heroText:
      "Where residents, businesses and public agencies find the city's information, data and digital services. The figures below are live from the platform.",
    servicesTitle: 'Available services',
    servicesEmpty: 'No service has data yet.',
    servicesEmptyHint: 'Services appear here once the responsible agency enters their data.',
    open: 'Open {name}',
    openShort: 'Open',
    version: 'Version {version}',
    developersTitle: 'For developers',
    developersText: 'All public data has an open API with OpenAPI documentation.',
    apiDocs: 'Read the API docs',
    consoleWelcome: 'Hello, {name}',
    consoleIntro: 'Pick a page from the menu. You only see the pages your roles allow.',
    yourRoles: 'Your roles',
    noRoles: 'This account has no role yet.',
    cityWide: 'city-wide',
    figures: 'Platform figures',
  },
);
