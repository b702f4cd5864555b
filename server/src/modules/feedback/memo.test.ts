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

  it('does not remember a value the caller refuses to keep', async () => {
    const memo = new TtlMemo<number | null>(1000);
    let loads = 0;
    const load = async () => ((loads += 1) === 1 ? null : loads);
    const keep = (value: number | null) => value !== null;
    expect(await memo.get('a', load, keep)).toBeNull();
    expect(await memo.get('a', load, keep)).toBe(2);
    expect(await memo.get('a', load, keep)).toBe(2);
  });
});
