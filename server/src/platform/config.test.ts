import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to the embedded mode', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.database.url).toBeUndefined();
    expect(config.database.pgliteDir).toMatch(/data\/pglite$/);
    expect(config.blobs.kind).toBe('local');
    expect(config.auth.cookieSecure).toBe(false);
    expect(config.publicUrl).toBe('http://localhost:8080');
  });

  it('makes cookies secure behind an https public URL', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://data.danang.gov.vn/' }).auth.cookieSecure).toBe(true);
  });

  it('lists every invalid variable at once', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', DEMO_DATA: 'maybe' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toHaveLength(3);
    }
  });

  it('requires a bucket for S3', () => {
    expect(() => loadConfig({ BLOB_STORE: 's3' })).toThrow(/S3_BUCKET/);
  });
});
