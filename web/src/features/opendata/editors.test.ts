import { describe, expect, test } from 'vitest';
import { canEditOrg, editableOrgs } from './editors';

describe('who edits which datasets', () => {
  test('a system administrator edits every organisation', () => {
    expect(editableOrgs([{ role: 'system_admin', agencyId: null }])).toBe('all');
  });

  test('publishers and agency administrators edit their own agencies only', () => {
    const grants = [
      { role: 'data_publisher', agencyId: 'a' },
      { role: 'agency_admin', agencyId: 'b' },
      { role: 'officer', agencyId: 'c' },
    ] as const;
    expect(editableOrgs(grants)).toEqual(['a', 'b']);
    expect(canEditOrg(grants, 'c')).toBe(false);
    expect(canEditOrg(undefined, 'a')).toBe(false);
  });
});
