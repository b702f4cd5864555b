import type { CategoryFields } from './routing.repo';

/**
 * Đà Nẵng's report categories with their answer deadlines in working days. QĐ 960/QĐ-UBND (2021) sets
 * at most 1 working day for emergencies and 3 for what can be checked and handled at once (urban
 * infrastructure, environmental sanitation, security and order, urban order); the tiers for complex
 * cases are not in the sources we hold, so 7 working days is an assumption (the 2016 rule was 7 days).
 * `defaultAgency` is the agency code (platform/agencies/demo-agencies.ts) the routing table sends the
 * category to; `toWardCommittee` routes it per administrative unit to that unit's People's Committee.
 */
export interface DemoCategory extends CategoryFields {
  readonly defaultAgency: string;
  readonly toWardCommittee: boolean;
}

function category(
  code: string,
  nameVi: string,
  nameEn: string,
  group: string,
  days: number,
  routing: { defaultAgency: string; toWardCommittee?: boolean },
  extra: Partial<CategoryFields> = {},
): DemoCategory {
  return {
    code,
    nameVi,
    nameEn,
    descriptionVi: null,
    descriptionEn: null,
    group,
    keywords: '',
    deadlineWorkingDays: days,
    attributes: [],
    duplicateRadiusMetres: 200,
    active: true,
    sortOrder: 0,
    defaultAgency: routing.defaultAgency,
    toWardCommittee: routing.toWardCommittee ?? false,
    ...extra,
  };
}

export const demoCategories: readonly DemoCategory[] = [
  category(
    'khan-cap',
    'Thiên tai, dịch bệnh, tình huống khẩn cấp',
    'Disaster, epidemic or emergency',
    'khan-cap',
    1,
    { defaultAgency: 'VP-UBND' },
    {
      keywords: 'ngập, sạt lở, cây đổ, bão, dịch',
      sortOrder: 1,
      descriptionVi: 'Xử lý trong 1 ngày làm việc.',
    },
  ),
  category(
    'trat-tu-do-thi',
    'Trật tự đô thị',
    'Urban order',
    'do-thi',
    3,
    { defaultAgency: 'SXD', toWardCommittee: true },
    { keywords: 'lấn chiếm vỉa hè, quảng cáo, xây dựng không phép', sortOrder: 2 },
  ),
  category(
    've-sinh-moi-truong',
    'Vệ sinh môi trường',
    'Environmental sanitation',
    'moi-truong',
    3,
    { defaultAgency: 'SNNMT', toWardCommittee: true },
    { keywords: 'rác thải, ô nhiễm, mùi hôi, nước thải', sortOrder: 3 },
  ),
  category(
    'giao-thong',
    'Giao thông',
    'Traffic and roads',
    'giao-thong',
    3,
    { defaultAgency: 'SXD' },
    {
      keywords: 'ổ gà, đèn tín hiệu, biển báo, ùn tắc',
      sortOrder: 4,
      duplicateRadiusMetres: 100,
      attributes: [
        {
          code: 'loai_su_co',
          datatype: 'singlevaluelist',
          required: false,
          description: 'Loại sự cố',
          order: 1,
          values: [
            { key: 'o-ga', name: 'Ổ gà, hư hỏng mặt đường' },
            { key: 'den-tin-hieu', name: 'Đèn tín hiệu hỏng' },
            { key: 'bien-bao', name: 'Biển báo hư hỏng, thiếu' },
            { key: 'khac', name: 'Khác' },
          ],
        },
      ],
    },
  ),
  category(
    'ha-tang-do-thi',
    'Hạ tầng đô thị (chiếu sáng, thoát nước, cây xanh)',
    'Urban infrastructure (lighting, drainage, trees)',
    'do-thi',
    3,
    { defaultAgency: 'SXD' },
    {
      keywords: 'đèn đường, cống, ngập, cây xanh',
      sortOrder: 5,
      attributes: [
        {
          code: 'so_cot_den',
          datatype: 'string',
          required: false,
          description: 'Số hiệu cột đèn (nếu có)',
          order: 1,
        },
      ],
    },
  ),
  category(
    'an-ninh-trat-tu',
    'An ninh, trật tự',
    'Security and public order',
    'an-ninh',
    3,
    { defaultAgency: 'VP-UBND', toWardCommittee: true },
    { keywords: 'gây rối, tiếng ồn, karaoke', sortOrder: 6 },
  ),
  category(
    'dat-dai-xay-dung',
    'Đất đai, xây dựng',
    'Land and construction',
    'dat-dai',
    7,
    { defaultAgency: 'SNNMT' },
    { keywords: 'giấy chứng nhận, giải tỏa, đền bù, cấp phép', sortOrder: 7 },
  ),
  category(
    'y-te-attp',
    'Y tế, an toàn thực phẩm',
    'Health and food safety',
    'y-te',
    7,
    { defaultAgency: 'SYT' },
    { keywords: 'bệnh viện, ngộ độc, thực phẩm', sortOrder: 8 },
  ),
  category(
    'giao-duc',
    'Giáo dục',
    'Education',
    'giao-duc',
    7,
    { defaultAgency: 'SGDDT' },
    { keywords: 'trường học, học phí', sortOrder: 9 },
  ),
  category(
    'thu-tuc-hanh-chinh',
    'Thủ tục hành chính, dịch vụ công',
    'Administrative procedures and public services',
    'hanh-chinh',
    7,
    { defaultAgency: 'TTPVHCC' },
    { keywords: 'hồ sơ, một cửa, dịch vụ công trực tuyến', sortOrder: 10 },
  ),
  category(
    'du-lich-van-hoa',
    'Du lịch, văn hóa',
    'Tourism and culture',
    'du-lich',
    7,
    { defaultAgency: 'SVHTTDL' },
    { keywords: 'bãi biển, lễ hội, giá dịch vụ', sortOrder: 11 },
  ),
  category('khac', 'Khác', 'Other', 'khac', 7, { defaultAgency: 'VP-UBND' }, { sortOrder: 99 }),
];

/** Streets of central Đà Nẵng for the sample texts. */
export const demoStreets: readonly string[] = [
  'Nguyễn Văn Linh',
  'Lê Duẩn',
  'Bạch Đằng',
  'Trần Phú',
  'Hùng Vương',
  'Điện Biên Phủ',
  'Nguyễn Tất Thành',
  'Võ Nguyên Giáp',
  'Ngô Quyền',
  'Tôn Đức Thắng',
  'Nguyễn Hữu Thọ',
  'Hoàng Diệu',
  'Lê Văn Hiến',
  'Phạm Văn Đồng',
  '2 Tháng 9',
  'Núi Thành',
  'Trưng Nữ Vương',
  'Cách Mạng Tháng 8',
  'Âu Cơ',
  'Nguyễn Lương Bằng',
];

/** Sample problems per category ({street} is filled in). Marked "[Mẫu]" when used. */
export const demoProblems: Readonly<Record<string, readonly string[]>> = {
  'khan-cap': [
    'Cây xanh bật gốc sau mưa lớn chắn ngang đường {street}.',
    'Nước ngập sâu gần 50 cm tại đường {street}, xe cộ chết máy.',
  ],
  'trat-tu-do-thi': [
    'Quán ăn lấn chiếm toàn bộ vỉa hè đường {street}, người đi bộ phải xuống lòng đường.',
    'Công trình xây dựng trên đường {street} để vật liệu tràn ra lòng đường.',
  ],
  've-sinh-moi-truong': [
    'Rác thải tập kết không đúng nơi quy định tại đường {street}, bốc mùi hôi.',
    'Nước thải chảy tràn ra đường {street} từ khu dân cư.',
  ],
  'giao-thong': [
    'Ổ gà lớn giữa đường {street} gây nguy hiểm cho xe máy.',
    'Đèn tín hiệu tại ngã tư đường {street} không hoạt động.',
  ],
  'ha-tang-do-thi': [
    'Đèn chiếu sáng đường {street} tắt cả đoạn dài vào ban đêm.',
    'Nắp cống trên đường {street} bị vỡ.',
  ],
  'an-ninh-trat-tu': [
    'Karaoke gây ồn sau 22 giờ tại khu dân cư đường {street}.',
    'Nhóm thanh niên tụ tập đua xe trên đường {street}.',
  ],
  'dat-dai-xay-dung': ['Hồ sơ cấp giấy chứng nhận quyền sử dụng đất ở đường {street} chậm giải quyết.'],
  'y-te-attp': ['Cơ sở kinh doanh thực phẩm trên đường {street} không đảm bảo vệ sinh.'],
  'giao-duc': ['Cổng trường học trên đường {street} ùn tắc giờ tan học.'],
  'thu-tuc-hanh-chinh': ['Đề nghị hướng dẫn thủ tục đăng ký hộ kinh doanh trực tuyến.'],
  'du-lich-van-hoa': ['Dịch vụ cho thuê ghế tắm biển gần đường {street} thu giá cao.'],
  khac: ['Đề nghị bổ sung ghế ngồi tại công viên gần đường {street}.'],
};
