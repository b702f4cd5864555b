import type { DemoDataset } from './demo.types';

// Each figure is quoted from one of the press articles collected by the founding team (seed articles);
// docs/data-sources.md lists them.
const A =
  'Báo chí, tổng hợp từ bài viết "Đà Nẵng xếp hạng nhất về chuyển đổi số" (seed article, 22/01/2025; trích báo cáo chỉ số DTI của Bộ TT&TT)';
const B =
  'Báo chí, tổng hợp từ bài viết "Đà Nẵng xếp hạng Nhất chỉ số chuyển đổi số cấp tỉnh" (seed article, đăng 22/01/2025, về buổi làm việc ngày 23/12/2021)';
const C =
  'Báo chí, tổng hợp từ bài viết "Đà Nẵng tiếp tục dẫn đầu về chuyển đổi số cấp tỉnh" (seed article, hội nghị sơ kết 6 tháng đầu năm 2023)';

const header = ['chi_tieu', 'gia_tri', 'don_vi', 'thoi_diem', 'nguon'] as const;

function fact(
  name: string,
  title: string,
  titleEn: string,
  summaryEn: string,
  source: string,
  period: string,
  rows: readonly (readonly [indicator: string, value: number, unit: string])[],
  extra: Partial<DemoDataset> = {},
): DemoDataset {
  return {
    name,
    title,
    titleEn,
    notes: `${title}. Nguồn: ${source}.`,
    notesEn: `${summaryEn} Source: press articles on Da Nang's digital transformation (seed articles; see docs/data-sources.md).`,
    org: 'SKHCN',
    groups: ['technology'],
    tags: ['chuyển đổi số', 'Đà Nẵng'],
    license: 'cc-by-4.0',
    frequency: 'ANNUAL',
    isSample: false,
    csv: {
      fileName: `${name}.csv`,
      header,
      rows: rows.map(([indicator, value, unit]) => [indicator, value, unit, period, source]),
    },
    ...extra,
  };
}

/** Figures with a cited source (not samples). */
export const factDatasets: readonly DemoDataset[] = [
  fact(
    'dti-2021-da-nang',
    'Chỉ số chuyển đổi số (DTI) cấp tỉnh năm 2021 của Đà Nẵng',
    'Da Nang provincial digital transformation index (DTI) 2021',
    'Rank 1 of 63 provinces; total 0.4874; digital government 0.5346, digital economy 0.4155, digital society 0.4964.',
    B,
    '2021',
    [
      ['Xếp hạng DTI cấp tỉnh', 1, 'hạng'],
      ['Giá trị DTI tổng thể', 0.4874, 'điểm'],
      ['Chính quyền số (CQS)', 0.5346, 'điểm'],
      ['Kinh tế số (KTS)', 0.4155, 'điểm'],
      ['Xã hội số (XHS)', 0.4964, 'điểm'],
    ],
    { tags: ['DTI', 'chỉ số chuyển đổi số', 'chuyển đổi số'], temporal: ['2021-01-01', '2021-12-31'] },
  ),
  fact(
    'camera-giam-sat-do-thi',
    'Camera giám sát kết nối trung tâm giám sát, điều hành',
    'Surveillance cameras connected to the operations centre',
    '200 smart traffic cameras, 1,800 security cameras and 34,500 cameras contributed by citizens and businesses.',
    A,
    '2024',
    [
      ['Camera giao thông thông minh', 200, 'camera'],
      ['Camera an ninh chuyên dụng', 1800, 'camera'],
      ['Camera huy động từ người dân, doanh nghiệp', 34500, 'camera'],
    ],
    { org: 'IOC', groups: ['technology', 'transport'], tags: ['camera', 'đô thị thông minh', 'an ninh'] },
  ),
  fact(
    'wifi-cong-cong',
    'Hệ thống WiFi công cộng miễn phí',
    'Free public WiFi',
    '430 public access points and about 1,000 business stations.',
    B,
    '2021',
    [
      ['Điểm truy cập WiFi công cộng', 430, 'điểm'],
      ['Trạm WiFi của doanh nghiệp (ước tính)', 1000, 'trạm'],
    ],
    { tags: ['wifi', 'hạ tầng số'] },
  ),
  fact(
    'co-so-du-lieu-chuyen-nganh',
    'Cơ sở dữ liệu chuyên ngành',
    'Specialised databases',
    '560 specialised databases in use by the city.',
    B,
    '2021',
    [['Cơ sở dữ liệu chuyên ngành', 560, 'CSDL']],
    { tags: ['cơ sở dữ liệu', 'dữ liệu số'] },
  ),
  fact(
    'cong-du-lieu-mo-tap-du-lieu',
    'Số tập dữ liệu trên Cổng dữ liệu mở',
    'Datasets on the open data portal',
    'More than 570 datasets across economic and social fields, served by API, web, SMS and Zalo.',
    B,
    '2021',
    [['Tập dữ liệu mở', 570, 'tập dữ liệu (hơn)']],
    { tags: ['dữ liệu mở', 'dữ liệu số'], groups: ['technology', 'government'] },
  ),
  fact(
    'thue-bao-di-dong',
    'Mật độ điện thoại di động và băng rộng di động',
    'Mobile phone and mobile broadband density',
    '276 mobile phones and 173 mobile broadband subscriptions per 100 people, first in the country.',
    B,
    '2021',
    [
      ['Điện thoại di động trên 100 dân', 276, 'máy/100 dân'],
      ['Thuê bao băng rộng di động trên 100 dân', 173, 'thuê bao/100 dân'],
    ],
    { tags: ['viễn thông', 'hạ tầng số'], groups: ['technology', 'population'] },
  ),
  fact(
    'doanh-nghiep-cong-nghe-so',
    'Mật độ doanh nghiệp công nghệ số',
    'Digital technology firm density',
    '2.3 digital technology firms per 1,000 people.',
    A,
    '2023-06',
    [['Doanh nghiệp công nghệ số trên 1.000 dân', 2.3, 'doanh nghiệp/1.000 dân']],
    { tags: ['doanh nghiệp', 'kinh tế số'], groups: ['technology', 'economy'] },
  ),
  fact(
    'cong-nghiep-cntt-grdp',
    'Đóng góp của công nghiệp CNTT vào GRDP',
    'IT industry share of GRDP',
    'The IT industry contributes 7.5% of the city GRDP.',
    A,
    '2021',
    [['Tỷ trọng công nghiệp CNTT trong GRDP', 7.5, '%']],
    { tags: ['kinh tế số', 'GRDP'], groups: ['technology', 'economy'] },
  ),
  fact(
    'to-cong-nghe-so-cong-dong',
    'Tổ công nghệ số cộng đồng',
    'Community digital technology teams',
    'Close to 2,500 teams with 14,000 members in every village and residential group (June 2023).',
    C,
    '2023-06',
    [
      ['Tổ công nghệ số cộng đồng', 2500, 'tổ (gần)'],
      ['Thành viên', 14000, 'người'],
    ],
    { tags: ['xã hội số', 'cộng đồng'], groups: ['technology', 'population'] },
  ),
  fact(
    'dao-tao-chuyen-doi-so',
    'Đào tạo nhân lực chuyển đổi số',
    'Digital transformation training',
    '20 universities and colleges teach digital transformation; more than 7,000 graduates in 2022.',
    C,
    '2022',
    [
      ['Trường đại học, cao đẳng đào tạo về chuyển đổi số', 20, 'trường'],
      ['Sinh viên tốt nghiệp năm 2022', 7000, 'sinh viên (hơn)'],
    ],
    { org: 'SGDDT', tags: ['đào tạo', 'nhân lực số'], groups: ['technology', 'education'] },
  ),
  fact(
    'nhiem-vu-chuyen-doi-so',
    'Nhiệm vụ chuyển đổi số hoàn thành',
    'Digital transformation tasks completed',
    '24 digital transformation tasks carried out as planned.',
    A,
    '2021',
    [['Nhiệm vụ chuyển đổi số', 24, 'nhiệm vụ']],
    { tags: ['kế hoạch', 'chuyển đổi số'], groups: ['technology', 'government'] },
  ),
  fact(
    'dich-vu-dien-truc-tuyen',
    'Giao dịch dịch vụ điện qua kênh trực tuyến',
    'Electricity service transactions online',
    '95% of the transactions of 12 electricity services go through online channels.',
    A,
    '2021',
    [
      ['Dịch vụ điện', 12, 'dịch vụ'],
      ['Tỷ lệ giao dịch trực tuyến', 95, '%'],
    ],
    { tags: ['dịch vụ công', 'điện'], groups: ['technology', 'government'] },
  ),
  fact(
    'muc-do-hai-long-ung-dung',
    'Mức độ hài lòng với ứng dụng, tiện ích số',
    'Satisfaction with digital applications',
    '98% of citizens and businesses are satisfied with the applications and utilities.',
    A,
    '2021',
    [['Người dân, doanh nghiệp hài lòng', 98, '%']],
    { tags: ['hài lòng', 'dịch vụ công'], groups: ['government'] },
  ),
  fact(
    'giai-phap-cong-nghe-covid-19',
    'Giải pháp công nghệ phòng, chống dịch Covid-19',
    'COVID-19 technology solutions',
    '17 technology solutions against COVID-19 (later about 20): health declarations, QR check-in, CovidMap.',
    A,
    '2021',
    [['Giải pháp công nghệ phòng chống dịch', 17, 'giải pháp']],
    { org: 'SYT', tags: ['covid-19', 'y tế số'], groups: ['technology', 'health'] },
  ),
  fact(
    'nen-tang-do-thi-thong-minh',
    'Hợp phần nền tảng đô thị thông minh',
    'Smart city platform components',
    '36 of 37 smart city platform components in use.',
    B,
    '2021',
    [
      ['Hợp phần đưa vào sử dụng', 36, 'hợp phần'],
      ['Tổng số hợp phần', 37, 'hợp phần'],
    ],
    { tags: ['đô thị thông minh', 'nền tảng số'] },
  ),
];
