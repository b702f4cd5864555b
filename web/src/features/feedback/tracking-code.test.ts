import { describe, expect, it } from 'vitest';
import { normaliseCode } from './tracking-code';

describe('normaliseCode', () => {
  it('accepts the code as printed and as typed on a phone', () => {
    expect(normaliseCode('PA-2026-000123')).toBe('PA-2026-000123');
    expect(normaliseCode('  pa-2026-000123 ')).toBe('PA-2026-000123');
    expect(normaliseCode('pa 2026 000123')).toBe('PA-2026-000123');
    expect(normaliseCode('PA–2026–0001234')).toBe('PA-2026-0001234');
  });

  it('refuses what cannot be a tracking code', () => {
    expect(normaliseCode('')).toBeNull();
    expect(normaliseCode('PA-26-000123')).toBeNull();
    expect(normaliseCode('PA-2026-123')).toBeNull();
    expect(normaliseCode('2026-000123')).toBeNull();
    expect(normaliseCode('PA-2026-000123; drop')).toBeNull();
  });
});
