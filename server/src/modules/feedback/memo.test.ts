import { describe, expect, it } from 'vitest';
import { TtlMemo } from './memo';

describe('TtlMemo', () => {
  it('loads once within the time limit, again after it, and forgets failures', async () => {
    const memo = new TtlMemo<number>(30);
    let loads = 0;
    const load = async () => (loads += 1);
    expect([await memo.get('a', load), await memo.get('a', load)]).toEqual([1, 1]);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(await memo.get('a', load)).toBe(2);
    await expect(memo.get('b', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await memo.get('b', load)).toBe(3);
  });
});
