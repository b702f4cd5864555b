import { describe, expect, test } from 'vitest';
import { datastoreParams } from './datastore.api';

describe('datastore_search parameters', () => {
  test('words in every column are a plain q', () => {
    expect(datastoreParams({ resourceId: 'r1', q: ' hai chau ', limit: 10 })).toMatchObject({
      resource_id: 'r1',
      q: 'hai chau',
      limit: 10,
      offset: 0,
    });
  });

  test('words in one column are a JSON dict; sort quotes the column', () => {
    const params = datastoreParams({
      resourceId: 'r1',
      q: 'hai',
      column: 'Tên "phường"',
      sort: { field: 'Tên "phường"', descending: true },
      limit: 25,
      offset: 50,
    });
    expect(params.q).toBe('{"Tên \\"phường\\"":"hai"}');
    expect(params.sort).toBe('"Tên ""phường""" desc');
    expect(params.offset).toBe(50);
  });

  test('an empty search sends no q', () => {
    expect(datastoreParams({ resourceId: 'r1', q: '  ', column: 'a', limit: 5 }).q).toBeUndefined();
  });
});
