import type { Frequency } from '../catalog/catalog.model';
import { SAMPLE_NOTE_EN, SAMPLE_NOTE_VI, type DemoDataset } from './demo.types';

// A deterministic pseudo-random sequence so every fresh install shows the same samples.
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const wards = [
  'Hải Châu',
  'Hòa Cường',
  'Thanh Khê',
  'An Khê',
  'Sơn Trà',
  'An Hải',
  'Ngũ Hành Sơn',
  'Hòa Khánh',
  'Liên Chiểu',
  'Cẩm Lệ',
  'Hòa Xuân',
  'Hòa Vang',
];
const months = Array.from({ length: 12 }, (_, i) => `T${i + 1}`);

interface Template {
  readonly slug: string;
  readonly title: string;
  readonly titleEn: string;
  readonly org: string;
  readonly groups: readonly string[];
  readonly tags: readonly string[];
  readonly frequency: Frequency;
  readonly license: string;
  readonly header: readonly string[];
  rows(random: () => number, year: number): (string | number)[][];
}

const int = (random: () => number, from: number, to: number) => from + Math.floor(random() * (to - from + 1));

const templates: readonly Template[] = [
  {
    slug: 'dan-so-theo-phuong-xa',
    title: 'Dân số theo phường, xã',
    titleEn: 'Population by ward and commune',
    org: 'UBND-DN',
    groups: ['population'],
    tags: ['dân số', 'hộ gia đình'],
    frequency: 'ANNUAL',
    license: 'cc-by-4.0',
    header: ['phuong_xa', 'nam', 'dan_so', 'so_ho'],
    rows: (r, y) => wards.map((w) => [w, y, int(r, 40_000, 140_000), int(r, 10_000, 40_000)]),
  },
  {
    slug: 'luu-luong-giao-thong-nut-giao',
    title: 'Lưu lượng giao thông tại các nút giao chính',
    titleEn: 'Traffic volume at main junctions',
    org: 'SXD',
    groups: ['transport'],
    tags: ['giao thông', 'lưu lượng xe'],
    frequency: 'MONTHLY',
    license: 'cc-by-4.0',
    header: ['thang', 'nut_giao', 'xe_may', 'o_to'],
    rows: (r) =>
      months.map((m, i) => [m, `Nút giao ${(i % 6) + 1}`, int(r, 20_000, 90_000), int(r, 3_000, 20_000)]),
  },
  {
    slug: 'chat-luong-khong-khi-aqi',
    title: 'Chỉ số chất lượng không khí (AQI) tại các trạm quan trắc',
    titleEn: 'Air quality index (AQI) at monitoring stations',
    org: 'SNNMT',
    groups: ['environment'],
    tags: ['không khí', 'AQI', 'quan trắc'],
    frequency: 'DAILY',
    license: 'cc0-1.0',
    header: ['thang', 'tram', 'aqi_trung_binh', 'pm25'],
    rows: (r) => months.map((m, i) => [m, `Trạm ${(i % 4) + 1}`, int(r, 25, 95), int(r, 8, 40)]),
  },
  {
    slug: 'luot-khach-du-lich',
    title: 'Lượt khách du lịch theo tháng',
    titleEn: 'Tourist arrivals by month',
    org: 'SVHTTDL',
    groups: ['tourism', 'economy'],
    tags: ['du lịch', 'khách quốc tế'],
    frequency: 'MONTHLY',
    license: 'cc-by-4.0',
    header: ['thang', 'khach_noi_dia', 'khach_quoc_te'],
    rows: (r) => months.map((m) => [m, int(r, 300_000, 900_000), int(r, 100_000, 400_000)]),
  },
  {
    slug: 'co-so-luu-tru-du-lich',
    title: 'Cơ sở lưu trú du lịch',
    titleEn: 'Tourist accommodation',
    org: 'SVHTTDL',
    groups: ['tourism'],
    tags: ['du lịch', 'khách sạn', 'lưu trú'],
    frequency: 'ANNUAL',
    license: 'cc-by-4.0',
    header: ['phuong_xa', 'co_so', 'buong'],
    rows: (r) => wards.map((w) => [w, int(r, 10, 300), int(r, 200, 6_000)]),
  },
  {
    slug: 'truong-hoc-pho-thong',
    title: 'Trường học phổ thông và số học sinh',
    titleEn: 'Schools and pupils',
    org: 'SGDDT',
    groups: ['education'],
    tags: ['trường học', 'học sinh'],
    frequency: 'ANNUAL',
    license: 'cc-by-4.0',
    header: ['phuong_xa', 'truong', 'hoc_sinh'],
    rows: (r) => wards.map((w) => [w, int(r, 5, 30), int(r, 3_000, 25_000)]),
  },
  {
    slug: 'co-so-kham-chua-benh',
    title: 'Cơ sở khám bệnh, chữa bệnh',
    titleEn: 'Healthcare facilities',
    org: 'SYT',
    groups: ['health'],
    tags: ['y tế', 'bệnh viện'],
    frequency: 'ANNUAL',
    license: 'cc-by-4.0',
    header: ['phuong_xa', 'benh_vien', 'tram_y_te', 'giuong_benh'],
    rows: (r) => wards.map((w) => [w, int(r, 0, 6), int(r, 1, 3), int(r, 50, 1_500)]),
  },
  {
    slug: 'co-so-an-toan-thuc-pham',
    title: 'Cơ sở được cấp giấy chứng nhận an toàn thực phẩm',
    titleEn: 'Food-safety certified establishments',
    org: 'SCT',
    groups: ['health', 'economy'],
    tags: ['an toàn thực phẩm'],
    frequency: 'QUARTERLY',
    license: 'cc-by-4.0',
    header: ['phuong_xa', 'co_so_duoc_cap'],
    rows: (r) => wards.map((w) => [w, int(r, 20, 400)]),
  },
  {
    slug: 'ho-so-thu-tuc-hanh-chinh',
    title: 'Hồ sơ thủ tục hành chính tiếp nhận và giải quyết',
    titleEn: 'Administrative procedure applications',
    org: 'TTPVHCC',
    groups: ['government'],
    tags: ['dịch vụ công', 'thủ tục hành chính'],
    frequency: 'MONTHLY',
    license: 'cc-by-4.0',
    header: ['thang', 'tiep_nhan', 'dung_han', 'tre_han'],
    rows: (r) => months.map((m) => [m, int(r, 20_000, 60_000), int(r, 18_000, 58_000), int(r, 0, 300)]),
  },
  {
    slug: 'phan-anh-hien-truong',
    title: 'Phản ánh hiện trường của người dân theo lĩnh vực',
    titleEn: 'Citizen reports by field',
    org: 'IOC',
    groups: ['government'],
    tags: ['phản ánh', 'tổng đài 1022'],
    frequency: 'MONTHLY',
    license: 'cc-by-4.0',
    header: ['thang', 'moi_truong', 'giao_thong', 'trat_tu_do_thi'],
    rows: (r) => months.map((m) => [m, int(r, 200, 900), int(r, 100, 700), int(r, 150, 800)]),
  },
  {
    slug: 'doanh-nghiep-thanh-lap-moi',
    title: 'Doanh nghiệp thành lập mới',
    titleEn: 'Newly registered enterprises',
    org: 'STC',
    groups: ['economy'],
    tags: ['doanh nghiệp', 'đăng ký kinh doanh'],
    frequency: 'MONTHLY',
    license: 'cc-by-4.0',
    header: ['thang', 'doanh_nghiep', 'von_dang_ky_ty_dong'],
    rows: (r) => months.map((m) => [m, int(r, 200, 600), int(r, 1_000, 8_000)]),
  },
  {
    slug: 'gia-ca-thi-truong',
    title: 'Giá bán lẻ một số mặt hàng thiết yếu',
    titleEn: 'Retail prices of essential goods',
    org: 'SCT',
    groups: ['economy'],
    tags: ['giá cả', 'thị trường'],
    frequency: 'MONTHLY',
    license: 'cc-by-4.0',
    header: ['thang', 'gao_dong_kg', 'thit_heo_dong_kg', 'xang_ron95_dong_lit'],
    rows: (r) =>
      months.map((m) => [m, int(r, 14_000, 22_000), int(r, 90_000, 140_000), int(r, 20_000, 25_000)]),
  },
  {
    slug: 'diem-thu-gom-rac',
    title: 'Điểm tập kết, thu gom rác thải tạm thời',
    titleEn: 'Temporary waste collection points',
    org: 'SNNMT',
    groups: ['environment'],
    tags: ['rác thải', 'vệ sinh môi trường'],
    frequency: 'QUARTERLY',
    license: 'odc-odbl',
    header: ['phuong_xa', 'diem_tap_ket', 'tan_ngay'],
    rows: (r) => wards.map((w) => [w, int(r, 3, 25), int(r, 20, 180)]),
  },
  {
    slug: 'bai-do-xe-cong-cong',
    title: 'Bãi đỗ xe công cộng',
    titleEn: 'Public car parks',
    org: 'SXD',
    groups: ['transport'],
    tags: ['đỗ xe', 'giao thông'],
    frequency: 'ANNUAL',
    license: 'odc-odbl',
    header: ['phuong_xa', 'bai_do', 'cho_do'],
    rows: (r) => wards.map((w) => [w, int(r, 1, 12), int(r, 50, 900)]),
  },
  {
    slug: 'xe-buyt-luot-hanh-khach',
    title: 'Lượt hành khách đi xe buýt theo tuyến',
    titleEn: 'Bus passengers by route',
    org: 'SXD',
    groups: ['transport'],
    tags: ['xe buýt', 'vận tải công cộng'],
    frequency: 'MONTHLY',
    license: 'cc-by-4.0',
    header: ['tuyen', 'luot_hanh_khach'],
    rows: (r) => Array.from({ length: 10 }, (_, i) => [`Tuyến ${i + 1}`, int(r, 20_000, 150_000)]),
  },
  {
    slug: 'lao-dong-viec-lam',
    title: 'Lao động có việc làm theo ngành',
    titleEn: 'Employment by sector',
    org: 'SNV',
    groups: ['population', 'economy'],
    tags: ['lao động', 'việc làm'],
    frequency: 'ANNUAL',
    license: 'cc-by-sa-4.0',
    header: ['nganh', 'lao_dong'],
    rows: (r) =>
      ['Nông nghiệp', 'Công nghiệp', 'Xây dựng', 'Thương mại', 'Du lịch', 'CNTT'].map((n) => [
        n,
        int(r, 10_000, 200_000),
      ]),
  },
];

export const SAMPLE_YEARS = [2022, 2023, 2024] as const;

/** The name of a generated dataset: its topic's slug, the year, and `mau` (sample). */
export function sampleDatasetName(slug: string, year: number): string {
  return `${slug}-${year}-mau`;
}

/** Generated datasets (16 topics × 3 years), labelled as samples in title, notes and `is_sample`. */
export function sampleDatasets(): DemoDataset[] {
  const random = seededRandom(2026);
  return templates.flatMap((template) =>
    SAMPLE_YEARS.map((year): DemoDataset => ({
      name: sampleDatasetName(template.slug, year),
      title: `${template.title} năm ${year} (mẫu)`,
      titleEn: `${template.titleEn}, ${year} (sample)`,
      notes: `${template.title} năm ${year}. ${SAMPLE_NOTE_VI}`,
      notesEn: `${template.titleEn}, ${year}. ${SAMPLE_NOTE_EN}`,
      org: template.org,
      groups: template.groups,
      tags: [...template.tags, 'dữ liệu mẫu'],
      license: template.license,
      frequency: template.frequency,
      temporal: [`${year}-01-01`, `${year}-12-31`],
      isSample: true,
      csv: {
        fileName: `${template.slug}-${year}.csv`,
        header: template.header,
        rows: template.rows(random, year),
      },
    })),
  );
}
