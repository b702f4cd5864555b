import { describe, expect, it } from 'vitest';
import { checkAttributes } from './attributes';
import type { CategoryAttribute } from './routing.repo';

const definitions: CategoryAttribute[] = [
  {
    code: 'kind',
    datatype: 'singlevaluelist',
    required: true,
    description: 'Loại',
    order: 1,
    values: [
      { key: 'a', name: 'A' },
      { key: 'b', name: 'B' },
    ],
  },
  {
    code: 'tags',
    datatype: 'multivaluelist',
    required: false,
    description: 'Nhãn',
    order: 2,
    values: [
      { key: 'x', name: 'X' },
      { key: 'y', name: 'Y' },
    ],
  },
  { code: 'count', datatype: 'number', required: false, description: 'Số lượng', order: 3 },
  { code: 'pole', datatype: 'string', required: false, description: 'Số cột', order: 4 },
];

describe('Open311 attributes', () => {
  it('accepts answers of the declared types and treats empty as absent', () => {
    expect(checkAttributes(definitions, { kind: 'a', tags: ['x', 'y'], count: '3', pole: '' })).toEqual({
      kind: 'a',
      tags: ['x', 'y'],
      count: '3',
    });
    expect(checkAttributes(definitions, { kind: 'b', tags: 'x' })).toEqual({ kind: 'b', tags: ['x'] });
  });

  it("keeps an Open311 client's own attributes when asked to", () => {
    expect(checkAttributes(definitions, { kind: 'a', fixmystreet_id: '1234' }, 'keep')).toEqual({
      kind: 'a',
      fixmystreet_id: '1234',
    });
  });

  it('refuses missing required answers, values not offered, wrong types and unknown codes', () => {
    const refused: Record<string, string | string[]>[] = [
      {},
      { kind: 'c' },
      { kind: 'a', count: 'many' },
      { kind: 'a', pole: 'line\nbreak' },
      { kind: 'a', other: '1' },
      { kind: ['a', 'b'] },
    ];
    for (const given of refused) {
      expect(() => checkAttributes(definitions, given)).toThrow('FEEDBACK_ATTRIBUTE_INVALID');
    }
  });
});
