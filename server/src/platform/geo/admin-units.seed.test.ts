import { describe, expect, it } from 'vitest';
import type { AdminUnitSeed } from './admin-unit';
import { parseAdminUnitSeed, readAdminUnitSeed } from './admin-units.seed';

const units = await readAdminUnitSeed();

const validOn = (day: string) =>
  units.filter((unit) => unit.valid_from <= day && (unit.valid_to === null || unit.valid_to >= day));

function byLevel(list: readonly AdminUnitSeed[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const unit of list) counts[unit.level] = (counts[unit.level] ?? 0) + 1;
  return counts;
}

describe('shipped administrative units (data/admin-units.json)', () => {
  it('has the documented counts on each side of the reorganisations', () => {
    expect(byLevel(validOn('2024-12-31'))).toEqual({ province: 1, district: 8, ward: 45, commune: 11 });
    // 1 Jan 2025: 11 wards merged away; the two wards created that day (Hải Châu, An Hải Nam) are not
    // shipped because their GSO codes could not be verified (see the data-sources document).
    expect(byLevel(validOn('2025-01-01'))).toEqual({ province: 1, district: 8, ward: 34, commune: 11 });
    expect(byLevel(validOn('2025-07-01'))).toEqual({ province: 1, ward: 23, commune: 70, special_zone: 1 });
  });

  it('never has two versions of one code valid on the same day', () => {
    const versions = new Map<string, AdminUnitSeed[]>();
    for (const unit of units) versions.set(unit.code, [...(versions.get(unit.code) ?? []), unit]);
    for (const list of versions.values()) {
      const sorted = [...list].sort((a, b) => a.valid_from.localeCompare(b.valid_from));
      for (let i = 1; i < sorted.length; i += 1) {
        const previous = sorted[i - 1] as AdminUnitSeed;
        expect(
          previous.valid_to !== null && previous.valid_to < (sorted[i] as AdminUnitSeed).valid_from,
        ).toBe(true);
      }
    }
  });

  it('gives every unit a parent valid for its whole life, one level up', () => {
    const parentLevel: Record<string, string[]> = {
      district: ['province'],
      ward: ['district', 'province'],
      commune: ['district', 'province'],
      special_zone: ['province'],
    };
    for (const unit of units) {
      if (unit.level === 'province') {
        expect(unit.parent_code).toBeNull();
        continue;
      }
      const parents = units.filter(
        (candidate) =>
          candidate.code === unit.parent_code &&
          candidate.valid_from <= unit.valid_from &&
          (candidate.valid_to === null || (unit.valid_to !== null && candidate.valid_to >= unit.valid_to)),
      );
      expect(parents, `${unit.code}@${unit.valid_from}`).toHaveLength(1);
      expect(parentLevel[unit.level]).toContain(parents[0]?.level);
    }
  });

  it('names units as the official lists do, in NFC, with a source for each', () => {
    for (const unit of units) {
      expect(unit.name_vi).toBe(unit.name_vi.normalize('NFC'));
      expect(unit.name_vi).toMatch(/^(Thành phố|Quận|Huyện|Phường|Xã|Thị trấn|Đặc khu) \S/);
      expect(unit.name_vi).not.toMatch(/\s{2}/);
      expect(unit.source.length).toBeGreaterThan(10);
      expect(unit.code).toMatch(
        unit.level === 'province' ? /^\d{2}$/ : unit.level === 'district' ? /^\d{3}$/ : /^\d{5}$/,
      );
    }
  });

  it('ships no invented coordinates: every centroid and polygon is null until a citable source exists', () => {
    expect(units.filter((unit) => unit.centroid !== null || unit.geometry)).toEqual([]);
  });
});

describe('parseAdminUnitSeed', () => {
  const row = {
    code: '48',
    name_vi: 'Thành phố Đà Nẵng',
    level: 'province',
    parent_code: null,
    valid_from: '2025-07-01',
    valid_to: null,
    centroid: null,
    source: 'test fixture',
  };

  it('accepts a well-formed row and refuses malformed ones with the row number', () => {
    expect(parseAdminUnitSeed([row])).toHaveLength(1);
    expect(() => parseAdminUnitSeed([row, row])).toThrow(/duplicate unit 48@2025-07-01/);
    expect(() => parseAdminUnitSeed([{ ...row, level: 'county' }])).toThrow(/row 0: unknown level/);
    expect(() => parseAdminUnitSeed([{ ...row, valid_from: '2025-13-01' }])).toThrow(/row 0: dates/);
    expect(() => parseAdminUnitSeed([{ ...row, valid_to: '2024-01-01' }])).toThrow(/before valid_from/);
    expect(() => parseAdminUnitSeed([{ ...row, centroid: { lat: 200, lon: 0 } }])).toThrow(/centroid/);
    expect(() => parseAdminUnitSeed([{ ...row, geometry: { type: 'Point', coordinates: [0, 0] } }])).toThrow(
      /geometry/,
    );
    expect(() => parseAdminUnitSeed({})).toThrow(/array/);
  });
});
