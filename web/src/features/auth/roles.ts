import { defineMessages, type Locale } from '../../lib/i18n';

/** The six staff roles, in the server's order (server/src/platform/auth/roles.ts). */
export const roles = [
  'system_admin',
  'agency_admin',
  'officer',
  'call_center_operator',
  'data_publisher',
  'viewer',
] as const;
export type Role = (typeof roles)[number];

export interface RoleGrant {
  readonly role: Role;
  readonly agencyId: string | null;
}

/** Which roles must, may or must not name an agency; mirrors the server's rule so forms can guide. */
export type RoleScope = 'city' | 'agency' | 'either';
export const roleScopes: Readonly<Record<Role, RoleScope>> = {
  system_admin: 'city',
  agency_admin: 'agency',
  officer: 'agency',
  data_publisher: 'agency',
  viewer: 'either',
  call_center_operator: 'either',
};

export const roleLabels: Readonly<Record<Locale, Readonly<Record<Role, string>>>> = {
  vi: {
    system_admin: 'Quản trị hệ thống',
    agency_admin: 'Quản trị cơ quan',
    officer: 'Cán bộ xử lý',
    call_center_operator: 'Điều hành viên tổng đài',
    data_publisher: 'Biên tập dữ liệu',
    viewer: 'Người xem',
  },
  en: {
    system_admin: 'System administrator',
    agency_admin: 'Agency administrator',
    officer: 'Case officer',
    call_center_operator: 'Call-centre operator',
    data_publisher: 'Data publisher',
    viewer: 'Viewer',
  },
};

export const roleDescriptions = defineMessages<Role>(
  {
    system_admin: 'Quản trị toàn thành phố: cơ quan, tài khoản, lịch nghỉ, nhật ký và tác vụ nền.',
    agency_admin: 'Quản trị tài khoản và thông tin liên hệ của cơ quan mình.',
    officer: 'Xử lý hồ sơ, phản ánh và cập nhật dữ liệu nghiệp vụ của cơ quan.',
    call_center_operator: 'Tiếp nhận cuộc gọi, phản ánh của người dân (toàn thành phố hoặc một cơ quan).',
    data_publisher: 'Biên tập và công bố dữ liệu mở của cơ quan.',
    viewer: 'Chỉ xem (toàn thành phố hoặc một cơ quan).',
  },
  {
    system_admin: 'City-wide administration: agencies, accounts, holidays, audit log and background jobs.',
    agency_admin: 'Manages the accounts and contact details of their own agency.',
    officer: "Handles the agency's cases, feedback and operational data.",
    call_center_operator: "Takes citizens' calls and reports (city-wide or for one agency).",
    data_publisher: "Edits and publishes the agency's open data.",
    viewer: 'Read-only access (city-wide or for one agency).',
  },
);

export function hasAnyRole(grants: readonly RoleGrant[] | undefined, wanted: readonly Role[]): boolean {
  return (grants ?? []).some((grant) => wanted.includes(grant.role));
}
