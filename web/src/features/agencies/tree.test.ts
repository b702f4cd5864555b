import { describe, expect, test } from 'vitest';
import type { Agency } from './agencies.api';
import { buildAgencyTree } from './tree';

function agency(id: string, nameVi: string, parentId: string | null = null): Agency {
  return {
    id,
    code: id.toUpperCase(),
    nameVi,
    nameEn: null,
    kind: 'department',
    parentId,
    email: null,
    phone: null,
    address: null,
    website: null,
    headUserId: null,
    adminUnitCode: null,
    active: true,
    note: null,
    childCount: 0,
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
  };
}

const agencies = [
  agency('ubnd', 'Ủy ban nhân dân thành phố Đà Nẵng'),
  agency('snv', 'Sở Nội vụ', 'ubnd'),
  agency('skhcn', 'Sở Khoa học và Công nghệ', 'ubnd'),
  agency('ttgs', 'Trung tâm Giám sát điều hành', 'skhcn'),
  agency('orphan', 'Ban quản lý dự án', 'missing-parent'),
];

describe('agency tree', () => {
  test('links children to parents, sorted by Vietnamese name, and keeps orphans as roots', () => {
    const roots = buildAgencyTree(agencies);
    expect(roots.map((node) => node.agency.id)).toEqual(['orphan', 'ubnd']);
    const ubnd = roots[1];
    expect(ubnd?.children.map((node) => node.agency.id)).toEqual(['skhcn', 'snv']);
    expect(ubnd?.children[0]?.children.map((node) => node.agency.id)).toEqual(['ttgs']);
  });

  test('a search without accents keeps the matches and the path to them', () => {
    const roots = buildAgencyTree(agencies, 'giam sat');
    expect(roots.map((node) => node.agency.id)).toEqual(['ubnd']);
    expect(roots[0]?.children.map((node) => node.agency.id)).toEqual(['skhcn']);
    expect(roots[0]?.children[0]?.children.map((node) => node.agency.id)).toEqual(['ttgs']);
    expect(buildAgencyTree(agencies, 'da nang').map((node) => node.agency.id)).toEqual(['ubnd']);
  });

  test('survives a parent cycle in bad data', () => {
    const cyclic = [agency('a', 'A', 'b'), agency('b', 'B', 'a')];
    expect(() => buildAgencyTree(cyclic, 'a')).not.toThrow();
  });
});
