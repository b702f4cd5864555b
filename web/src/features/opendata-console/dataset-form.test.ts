import { describe, expect, test } from 'vitest';
import { clientProblems, emptyValues, slugify, toPackage } from './dataset-form';

describe('dataset form', () => {
  test('a Vietnamese title makes a CKAN name', () => {
    expect(slugify('Dân số Đà Nẵng năm 2024 (mẫu)')).toBe('dan-so-da-nang-nam-2024-mau');
    expect(slugify('  Điểm phát Wi-Fi   công cộng ')).toBe('diem-phat-wi-fi-cong-cong');
    expect(slugify('a'.repeat(120))).toHaveLength(100);
  });

  test('the browser catches the obvious before the server does', () => {
    expect(clientProblems(emptyValues())).toEqual({
      title: 'required',
      name: 'required',
      ownerOrg: 'required',
    });
    expect(
      clientProblems({
        ...emptyValues('skhcn'),
        title: 'X',
        name: 'Có Dấu',
        temporalStart: '2025-01-02',
        temporalEnd: '2025-01-01',
      }),
    ).toEqual({ name: 'name', temporalEnd: 'dates' });
  });

  test('tags and topics are sent as CKAN dicts', () => {
    const dict = toPackage({
      ...emptyValues('skhcn'),
      title: ' A ',
      name: 'a-b',
      tags: ['dân số'],
      groups: ['population'],
    });
    expect(dict).toMatchObject({
      title: 'A',
      owner_org: 'skhcn',
      tags: [{ name: 'dân số' }],
      groups: [{ name: 'population' }],
    });
  });
});
