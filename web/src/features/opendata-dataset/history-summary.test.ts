import { describe, expect, test } from 'vitest';
import { describeSummary } from './history-summary';

describe('history lines', () => {
  test('short changes show before and after, long ones only the field', () => {
    expect(
      describeSummary('opendata.dataset.updated', {
        state: { before: 'draft', after: 'active' },
        notes: { before: 'x'.repeat(50), after: 'y'.repeat(50) },
        tags: { before: ['a'], after: ['a', 'b'] },
      }),
    ).toBe('state: draft → active; notes; tags');
  });

  test('created datasets and files name what was added', () => {
    expect(describeSummary('opendata.dataset.created', { name: 'dan-so' })).toBe('dan-so');
    expect(describeSummary('opendata.resource.created', { name: 'a.csv', resourceId: 'r' })).toBe('a.csv');
  });
});
