import type { Frequency } from '../catalog/catalog.model';

/** One demo dataset with one CSV resource (stored as a blob, so the DataStore can load it). */
export interface DemoDataset {
  readonly name: string;
  readonly title: string;
  readonly titleEn: string;
  readonly notes: string;
  readonly notesEn: string;
  /** Agency code (platform/agencies/demo-agencies.ts). */
  readonly org: string;
  readonly groups: readonly string[];
  readonly tags: readonly string[];
  readonly license: string;
  readonly frequency: Frequency;
  readonly temporal?: readonly [from: string, to: string];
  readonly isSample: boolean;
  readonly csv: {
    readonly fileName: string;
    readonly header: readonly string[];
    readonly rows: readonly (readonly (string | number)[])[];
  };
}

export interface DemoGroup {
  readonly name: string;
  readonly title: string;
  readonly titleEn: string;
  readonly description: string;
}

export const demoGroups: readonly DemoGroup[] = [
  {
    name: 'economy',
    title: 'Kinh tế',
    titleEn: 'Economy',
    description: 'Doanh nghiệp, thương mại, giá cả, tài chính.',
  },
  {
    name: 'population',
    title: 'Dân số',
    titleEn: 'Population',
    description: 'Dân số, lao động, hộ gia đình.',
  },
  {
    name: 'health',
    title: 'Y tế',
    titleEn: 'Health',
    description: 'Cơ sở y tế, an toàn thực phẩm, dịch bệnh.',
  },
  {
    name: 'education',
    title: 'Giáo dục',
    titleEn: 'Education',
    description: 'Trường học, học sinh, đào tạo.',
  },
  {
    name: 'transport',
    title: 'Giao thông',
    titleEn: 'Transport',
    description: 'Giao thông, đỗ xe, vận tải công cộng.',
  },
  {
    name: 'environment',
    title: 'Môi trường',
    titleEn: 'Environment',
    description: 'Không khí, nước, rác thải.',
  },
  { name: 'tourism', title: 'Du lịch', titleEn: 'Tourism', description: 'Khách du lịch, lưu trú, sự kiện.' },
  {
    name: 'government',
    title: 'Chính quyền số',
    titleEn: 'Digital government',
    description: 'Dịch vụ công, thủ tục hành chính, phản ánh.',
  },
  {
    name: 'technology',
    title: 'Hạ tầng số và chuyển đổi số',
    titleEn: 'Digital infrastructure and transformation',
    description: 'Chỉ số chuyển đổi số, hạ tầng viễn thông, nền tảng số.',
  },
];

/** Labels every generated dataset carries in both languages. */
export const SAMPLE_NOTE_VI = 'Dữ liệu mẫu do hệ thống sinh ra, không phải số liệu thật của thành phố.';
export const SAMPLE_NOTE_EN = 'Generated sample, not real figures of the city.';
