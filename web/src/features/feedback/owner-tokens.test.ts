import { describe, expect, it } from 'vitest';
import { ownerTokenOf, rememberOwnerToken } from './owner-tokens';

/** A Storage kept in a Map: the tests run in Node, which has no localStorage. */
function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (index) => [...data.keys()][index] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem: (key, value) => void data.set(key, value),
  };
}

describe('owner tokens', () => {
  it('keeps a token by tracking code, whatever the case of the code', () => {
    const storage = memoryStorage();
    rememberOwnerToken('PA-2026-000123', 'secret-token-1', storage);
    expect(ownerTokenOf('pa-2026-000123', storage)).toBe('secret-token-1');
    expect(ownerTokenOf('PA-2026-000999', storage)).toBeNull();
  });

  it('ignores a corrupted store instead of failing', () => {
    const storage = memoryStorage();
    storage.setItem('citydx.feedback.tokens', '{not json');
    expect(ownerTokenOf('PA-2026-000123', storage)).toBeNull();
    rememberOwnerToken('PA-2026-000123', 'fresh', storage);
    expect(ownerTokenOf('PA-2026-000123', storage)).toBe('fresh');
  });

  it('drops the oldest tokens beyond fifty', () => {
    const storage = memoryStorage();
    for (let i = 0; i < 55; i += 1)
      rememberOwnerToken(`PA-2026-${String(i).padStart(6, '0')}`, `t${i}`, storage);
    expect(ownerTokenOf('PA-2026-000000', storage)).toBeNull();
    expect(ownerTokenOf('PA-2026-000054', storage)).toBe('t54');
    expect(ownerTokenOf('PA-2026-000005', storage)).toBe('t5');
  });
});
