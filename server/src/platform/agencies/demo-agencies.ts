/**
 * Đà Nẵng's organisation tree for the demo and for a fresh installation: the city People's Committee,
 * its specialised departments after the 2025 restructuring (with the merged-away departments kept as
 * inactive so that historic records still resolve), the public service units the platform works
 * with, the district People's Committees until 30 June 2025, and the People's Committees of the
 * commune-level units from 1 July 2025. Every fact is sourced in
 * docs/data-sources/admin-units-and-agencies.md; contact points appear only where a source gives them.
 *
 * Codes are citydx's own short stable codes (no citable list of the national agency e-ID codes under
 * QCVN 102:2016 was found for Đà Nẵng). adminUnitCode is the GSO code of the unit the agency governs.
 */

export type DemoAgencyKind =
  'people_committee' | 'department' | 'commune_committee' | 'public_service_unit' | 'other';

export interface DemoAgency {
  code: string;
  nameVi: string;
  nameEn: string | null;
  kind: DemoAgencyKind;
  parentCode: string | null;
  email?: string;
  phone?: string;
  address?: string;
  website?: string;
  adminUnitCode?: string;
  active: boolean;
  note?: string;
  source: string;
}

const ND_45 =
  'NĐ 45/2025/NĐ-CP art. 8 (12 bodies every province has); HĐND Đà Nẵng, 20/2/2025 (doanhnghieptiepthi.vn)';
const MERGED_1_MARCH =
  'HĐND Đà Nẵng resolution of 20/2/2025, departments merged from 1/3/2025 (doanhnghieptiepthi.vn, 20/2/2025)';
const VHTTDL = 'HĐND Đà Nẵng resolution of 26/4/2025 (tuoitrethudo.vn, 26/4/2025); NĐ 45/2025/NĐ-CP art. 8';
const DISTRICTS =
  'GSO danh mục ĐVHC (districts 490–498); district level abolished from 1/7/2025 (Luật 72/2025/QH15, NQ 1659/NQ-UBTVQH15 art. 2)';
const COMMUNES = 'NQ 1659/NQ-UBTVQH15 (units, local government from 1/7/2025); CV 1027/CTK-CSCL (codes)';

const city = 'UBND-DN';

function department(code: string, nameVi: string, nameEn: string, source: string, note?: string): DemoAgency {
  return {
    code,
    nameVi,
    nameEn,
    kind: 'department',
    parentCode: city,
    active: true,
    source,
    ...(note ? { note } : {}),
  };
}

function mergedDepartment(
  code: string,
  nameVi: string,
  nameEn: string,
  successor: string,
  note: string,
): DemoAgency {
  return {
    code,
    nameVi,
    nameEn,
    kind: 'department',
    parentCode: city,
    active: false,
    note: `${note} Successor: ${successor}.`,
    source: MERGED_1_MARCH,
  };
}

const cityLevel: DemoAgency[] = [
  {
    code: city,
    nameVi: 'Ủy ban nhân dân thành phố Đà Nẵng',
    nameEn: "Da Nang City People's Committee",
    kind: 'people_committee',
    parentCode: null,
    website: 'https://danang.gov.vn',
    adminUnitCode: '48',
    active: true,
    note: 'From 1/7/2025 the city includes the former Quảng Nam province (NQ 202/2025/QH15).',
    source: 'NQ 202/2025/QH15; city portal danang.gov.vn',
  },
  department(
    'VP-UBND',
    'Văn phòng Ủy ban nhân dân thành phố Đà Nẵng',
    "Office of the Da Nang City People's Committee",
    ND_45,
  ),
  department(
    'SNV',
    'Sở Nội vụ thành phố Đà Nẵng',
    'Da Nang Department of Home Affairs',
    ND_45,
    'Merged with the Department of Labour, Invalids and Social Affairs from 1/3/2025.',
  ),
  department('STP', 'Sở Tư pháp thành phố Đà Nẵng', 'Da Nang Department of Justice', ND_45),
  department(
    'STC',
    'Sở Tài chính thành phố Đà Nẵng',
    'Da Nang Department of Finance',
    ND_45,
    'Merged with the Department of Planning and Investment from 1/3/2025.',
  ),
  department('SCT', 'Sở Công Thương thành phố Đà Nẵng', 'Da Nang Department of Industry and Trade', ND_45),
  department(
    'SNNMT',
    'Sở Nông nghiệp và Môi trường thành phố Đà Nẵng',
    'Da Nang Department of Agriculture and Environment',
    ND_45,
    'Formed on 1/3/2025 from the Departments of Natural Resources and Environment and of Agriculture and Rural Development.',
  ),
  department(
    'SXD',
    'Sở Xây dựng thành phố Đà Nẵng',
    'Da Nang Department of Construction',
    ND_45,
    'Includes the former Department of Transport from 1/3/2025.',
  ),
  department(
    'SKHCN',
    'Sở Khoa học và Công nghệ thành phố Đà Nẵng',
    'Da Nang Department of Science and Technology',
    ND_45,
    'Includes the former Department of Information and Communications from 1/3/2025.',
  ),
  department(
    'SVHTTDL',
    'Sở Văn hóa, Thể thao và Du lịch thành phố Đà Nẵng',
    'Da Nang Department of Culture, Sports and Tourism',
    VHTTDL,
    'Formed from the Department of Tourism and the Department of Culture and Sports (HĐND resolution of 26/4/2025).',
  ),
  department(
    'SGDDT',
    'Sở Giáo dục và Đào tạo thành phố Đà Nẵng',
    'Da Nang Department of Education and Training',
    ND_45,
  ),
  department('SYT', 'Sở Y tế thành phố Đà Nẵng', 'Da Nang Department of Health', ND_45),
  department('TTRA', 'Thanh tra thành phố Đà Nẵng', 'Da Nang City Inspectorate', ND_45),
];

const mergedAway: DemoAgency[] = [
  mergedDepartment(
    'STTTT',
    'Sở Thông tin và Truyền thông thành phố Đà Nẵng',
    'Da Nang Department of Information and Communications',
    'SKHCN',
    'Merged into the Department of Science and Technology on 1/3/2025.',
  ),
  mergedDepartment(
    'SGTVT',
    'Sở Giao thông vận tải thành phố Đà Nẵng',
    'Da Nang Department of Transport',
    'SXD',
    'Merged into the Department of Construction on 1/3/2025.',
  ),
  mergedDepartment(
    'SKHDT',
    'Sở Kế hoạch và Đầu tư thành phố Đà Nẵng',
    'Da Nang Department of Planning and Investment',
    'STC',
    'Merged into the Department of Finance on 1/3/2025.',
  ),
  mergedDepartment(
    'SLDTBXH',
    'Sở Lao động - Thương binh và Xã hội thành phố Đà Nẵng',
    'Da Nang Department of Labour, Invalids and Social Affairs',
    'SNV',
    'Merged into the Department of Home Affairs on 1/3/2025.',
  ),
  mergedDepartment(
    'STNMT',
    'Sở Tài nguyên và Môi trường thành phố Đà Nẵng',
    'Da Nang Department of Natural Resources and Environment',
    'SNNMT',
    'Merged into the Department of Agriculture and Environment on 1/3/2025.',
  ),
  mergedDepartment(
    'SNNPTNT',
    'Sở Nông nghiệp và Phát triển nông thôn thành phố Đà Nẵng',
    'Da Nang Department of Agriculture and Rural Development',
    'SNNMT',
    'Merged into the Department of Agriculture and Environment on 1/3/2025.',
  ),
  {
    ...mergedDepartment(
      'SDL',
      'Sở Du lịch thành phố Đà Nẵng',
      'Da Nang Department of Tourism',
      'SVHTTDL',
      'Merged with the Department of Culture and Sports by the HĐND resolution of 26/4/2025.',
    ),
    source: VHTTDL,
  },
  {
    ...mergedDepartment(
      'SVHTT',
      'Sở Văn hóa và Thể thao thành phố Đà Nẵng',
      'Da Nang Department of Culture and Sports',
      'SVHTTDL',
      'Merged with the Department of Tourism by the HĐND resolution of 26/4/2025.',
    ),
    source: VHTTDL,
  },
];

const serviceUnits: DemoAgency[] = [
  {
    code: 'TTPVHCC',
    nameVi: 'Trung tâm Phục vụ hành chính công thành phố Đà Nẵng',
    nameEn: 'Da Nang Public Administration Service Centre',
    kind: 'public_service_unit',
    parentCode: city,
    active: true,
    note: "One-stop centre under NĐ 118/2025/NĐ-CP. Its establishing decision and whether it sits under the Office of the People's Committee (as in other provinces) were not verified; contact points not sourced.",
    source: 'NĐ 118/2025/NĐ-CP; news.laodong.vn (July 2025) on the city Public Administration Service Center',
  },
  {
    code: 'IOC',
    nameVi: 'Trung tâm Thông tin và Giám sát, điều hành thông minh thành phố Đà Nẵng',
    nameEn: 'Da Nang Information and Intelligent Operation Centre (IOC)',
    kind: 'public_service_unit',
    parentCode: 'SKHCN',
    phone: '1022',
    active: true,
    note:
      'Runs the 1022 hotline; extension 3 is the hotline for the two-tier local government, backup number 0236 383 1022 (from 25/6/2025). ' +
      'The Vietnamese name is rendered from the cited English "Center for Information and Monitoring, Intelligent Operation (IOC Da Nang)"; verify it against the establishing decision.',
    source:
      'vietnam.vn / Báo Pháp Luật Việt Nam, 25/6/2025 (citing the Department of Science and Technology); IOC opened 14/8/2023 (vnsmartcity.com.vn)',
  },
  {
    code: 'TTTTDVC',
    nameVi: 'Trung tâm Thông tin dịch vụ công Đà Nẵng',
    nameEn: 'Da Nang Public Service Information Centre',
    kind: 'public_service_unit',
    parentCode: 'STTTT',
    active: false,
    note:
      'Operated the 1022 short number from August 2015 (about 200 agency hotlines merged into it in 2016) and the Góp ý portal. ' +
      'By June 2025 1022 was run by the IOC centre, headed by the same director; treated as its predecessor. The reorganising decision was not verified.',
    source:
      'vnexpress.net 2016 (1022 granted to the Centre, live since 8/2015); baophapluat.vn 2016; baodanang.vn 10/2021',
  },
];

function ascii(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** 'Hải Châu' -> 'HAI-CHAU', for the codes of the local People's Committees. */
function slug(name: string): string {
  return ascii(name)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-');
}

// GSO district codes of the city before 1 July 2025.
const districts: readonly (readonly [code: string, type: 'Q' | 'H', name: string])[] = [
  ['490', 'Q', 'Liên Chiểu'],
  ['491', 'Q', 'Thanh Khê'],
  ['492', 'Q', 'Hải Châu'],
  ['493', 'Q', 'Sơn Trà'],
  ['494', 'Q', 'Ngũ Hành Sơn'],
  ['495', 'Q', 'Cẩm Lệ'],
  ['497', 'H', 'Hòa Vang'],
  ['498', 'H', 'Hoàng Sa'],
];

const districtCommittees: DemoAgency[] = districts.map(([code, type, name]) => ({
  code: `UBND-${type}-${slug(name)}`,
  nameVi: `Ủy ban nhân dân ${type === 'Q' ? 'quận' : 'huyện'} ${name}`,
  nameEn: `People's Committee of ${ascii(name)} ${type === 'Q' ? 'Urban District' : 'Rural District'}`,
  kind: 'people_committee',
  parentCode: city,
  adminUnitCode: code,
  active: false,
  note: 'District level abolished on 1/7/2025; kept for records made before then.',
  source: DISTRICTS,
}));

// Commune-level units from 1 July 2025 (CV 1027/CTK-CSCL), P = phường (ward), X = xã (commune). The
// special zone of Hoàng Sa (20333) is left out: whether a People's Committee is organised there was
// not verified.
const communes: readonly (readonly [code: string, type: 'P' | 'X', name: string])[] = [
  ['20194', 'P', 'Hải Vân'],
  ['20197', 'P', 'Liên Chiểu'],
  ['20200', 'P', 'Hòa Khánh'],
  ['20209', 'P', 'Thanh Khê'],
  ['20242', 'P', 'Hải Châu'],
  ['20257', 'P', 'Hòa Cường'],
  ['20260', 'P', 'Cẩm Lệ'],
  ['20263', 'P', 'Sơn Trà'],
  ['20275', 'P', 'An Hải'],
  ['20285', 'P', 'Ngũ Hành Sơn'],
  ['20305', 'P', 'An Khê'],
  ['20308', 'X', 'Bà Nà'],
  ['20314', 'P', 'Hòa Xuân'],
  ['20320', 'X', 'Hòa Vang'],
  ['20332', 'X', 'Hòa Tiến'],
  ['20335', 'P', 'Bàn Thạch'],
  ['20341', 'P', 'Tam Kỳ'],
  ['20350', 'P', 'Hương Trà'],
  ['20356', 'P', 'Quảng Phú'],
  ['20364', 'X', 'Chiên Đàn'],
  ['20380', 'X', 'Tây Hồ'],
  ['20392', 'X', 'Phú Ninh'],
  ['20401', 'P', 'Hội An Tây'],
  ['20410', 'P', 'Hội An'],
  ['20413', 'P', 'Hội An Đông'],
  ['20434', 'X', 'Tân Hiệp'],
  ['20443', 'X', 'Hùng Sơn'],
  ['20455', 'X', 'Tây Giang'],
  ['20458', 'X', 'Avương'],
  ['20467', 'X', 'Đông Giang'],
  ['20476', 'X', 'Sông Kôn'],
  ['20485', 'X', 'Sông Vàng'],
  ['20494', 'X', 'Bến Hiên'],
  ['20500', 'X', 'Đại Lộc'],
  ['20506', 'X', 'Thượng Đức'],
  ['20515', 'X', 'Hà Nha'],
  ['20539', 'X', 'Vu Gia'],
  ['20542', 'X', 'Phú Thuận'],
  ['20551', 'P', 'Điện Bàn'],
  ['20557', 'P', 'Điện Bàn Bắc'],
  ['20569', 'X', 'Điện Bàn Tây'],
  ['20575', 'P', 'An Thắng'],
  ['20579', 'P', 'Điện Bàn Đông'],
  ['20587', 'X', 'Gò Nổi'],
  ['20599', 'X', 'Nam Phước'],
  ['20611', 'X', 'Thu Bồn'],
  ['20623', 'X', 'Duy Xuyên'],
  ['20635', 'X', 'Duy Nghĩa'],
  ['20641', 'X', 'Quế Sơn'],
  ['20650', 'X', 'Xuân Phú'],
  ['20656', 'X', 'Nông Sơn'],
  ['20662', 'X', 'Quế Sơn Trung'],
  ['20669', 'X', 'Quế Phước'],
  ['20695', 'X', 'Thạnh Mỹ'],
  ['20698', 'X', 'La Êê'],
  ['20704', 'X', 'La Dêê'],
  ['20707', 'X', 'Nam Giang'],
  ['20710', 'X', 'Bến Giằng'],
  ['20716', 'X', 'Đắc Pring'],
  ['20722', 'X', 'Khâm Đức'],
  ['20728', 'X', 'Phước Hiệp'],
  ['20734', 'X', 'Phước Năng'],
  ['20740', 'X', 'Phước Chánh'],
  ['20752', 'X', 'Phước Thành'],
  ['20767', 'X', 'Việt An'],
  ['20770', 'X', 'Phước Trà'],
  ['20779', 'X', 'Hiệp Đức'],
  ['20791', 'X', 'Thăng Bình'],
  ['20794', 'X', 'Thăng An'],
  ['20818', 'X', 'Đồng Dương'],
  ['20827', 'X', 'Thăng Phú'],
  ['20836', 'X', 'Thăng Trường'],
  ['20848', 'X', 'Thăng Điền'],
  ['20854', 'X', 'Tiên Phước'],
  ['20857', 'X', 'Sơn Cẩm Hà'],
  ['20875', 'X', 'Lãnh Ngọc'],
  ['20878', 'X', 'Thạnh Bình'],
  ['20900', 'X', 'Trà My'],
  ['20908', 'X', 'Trà Liên'],
  ['20920', 'X', 'Trà Đốc'],
  ['20923', 'X', 'Trà Tân'],
  ['20929', 'X', 'Trà Giáp'],
  ['20938', 'X', 'Trà Leng'],
  ['20941', 'X', 'Trà Tập'],
  ['20944', 'X', 'Nam Trà My'],
  ['20950', 'X', 'Trà Linh'],
  ['20959', 'X', 'Trà Vân'],
  ['20965', 'X', 'Núi Thành'],
  ['20971', 'X', 'Tam Xuân'],
  ['20977', 'X', 'Đức Phú'],
  ['20984', 'X', 'Tam Anh'],
  ['20992', 'X', 'Tam Hải'],
  ['21004', 'X', 'Tam Mỹ'],
];

const communeCommittees: DemoAgency[] = communes.map(([code, type, name]) => ({
  code: `UBND-${type}-${slug(name)}`,
  nameVi: `Ủy ban nhân dân ${type === 'P' ? 'phường' : 'xã'} ${name}`,
  nameEn: `People's Committee of ${ascii(name)} ${type === 'P' ? 'Ward' : 'Commune'}`,
  kind: 'commune_committee',
  parentCode: city,
  adminUnitCode: code,
  active: true,
  source: COMMUNES,
}));

/** Parents come before their children, so the list can be inserted in order. */
export const demoAgencies: readonly DemoAgency[] = [
  ...cityLevel,
  ...mergedAway,
  ...serviceUnits,
  ...districtCommittees,
  ...communeCommittees,
];
