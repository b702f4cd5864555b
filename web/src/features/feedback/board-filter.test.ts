import { describe, expect, it } from 'vitest';
import { readBoardSearch, toBoardFilter, writeBoardSearch } from './board-filter';

describe('board filters in the address', () => {
  it('round-trips the filters and turns days into Vietnam-time bounds', () => {
    const params = new URLSearchParams(
      'category=ve-sinh-moi-truong&area=20242&agency=0b9f2c1e-1111-4222-8333-444455556666&status=closed&from=2026-01-01&to=2026-01-31&offset=40',
    );
    const search = readBoardSearch(params);
    expect(writeBoardSearch(search).toString()).toBe(params.toString());
    expect(toBoardFilter(search)).toEqual({
      category: 've-sinh-moi-truong',
      adminUnitCode: '20242',
      agencyId: '0b9f2c1e-1111-4222-8333-444455556666',
      status: 'closed',
      from: '2026-01-01T00:00:00+07:00',
      to: '2026-01-31T23:59:59.999+07:00',
    });
  });

  it('drops values the API would refuse instead of failing the page', () => {
    const search = readBoardSearch(
      new URLSearchParams('category=Bad Code&agency=not-a-uuid&status=lost&from=01/02/2026&offset=-5'),
    );
    expect(search).toEqual({ category: '', area: '', agency: '', status: '', from: '', to: '', offset: 0 });
    expect(toBoardFilter(search)).toEqual({});
    expect(writeBoardSearch(search).toString()).toBe('');
  });
});
