import { describe, expect, it } from 'vitest';
import { toXml } from './open311.format';
import { dateRange, latLong, paramsOf, parseW3c } from './open311.params';

const params = (query: string) => paramsOf(new URLSearchParams(query).entries());

describe('Open311 parameters and formats', () => {
  it('treats an empty argument as an absent one and parses attribute[...] syntax', () => {
    const p = params(
      'service_code=&attribute[KIND]=a&attribute[TAGS][]=x&attribute[TAGS][]=y&attribute[EMPTY]=',
    );
    expect(p.get('service_code')).toBeUndefined();
    expect(p.attributes()).toEqual({ KIND: 'a', TAGS: ['x', 'y'] });
  });

  it('requires a timezone on W3C datetimes and reads a bare date as Vietnam midnight', () => {
    expect(parseW3c('2026-01-01T00:00:00Z', 'start_date').toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(parseW3c('2026-01-01T07:00:00+07:00', 'start_date').toISOString()).toBe(
      '2026-01-01T00:00:00.000Z',
    );
    expect(parseW3c('2026-01-02', 'start_date').toISOString()).toBe('2026-01-01T17:00:00.000Z');
    expect(() => parseW3c('2026-01-01T00:00:00', 'start_date')).toThrow(/timezone/);
    expect(() => parseW3c('yesterday', 'start_date')).toThrow();
  });

  it('defaults to the last 90 days and refuses longer spans', () => {
    const now = new Date('2026-11-23T00:00:00Z');
    const range = dateRange(params(''), now);
    expect((range.end.getTime() - range.start.getTime()) / 86_400_000).toBe(90);
    const fromStart = dateRange(params('start_date=2026-01-01T00:00:00Z'), now);
    expect(fromStart.end.toISOString()).toBe('2026-04-01T00:00:00.000Z');
    expect(() =>
      dateRange(params('start_date=2026-01-01T00:00:00Z&end_date=2026-05-01T00:00:00Z'), now),
    ).toThrow(/90 days/);
    expect(() =>
      dateRange(params('start_date=2026-05-01T00:00:00Z&end_date=2026-01-01T00:00:00Z'), now),
    ).toThrow(/before/);
  });

  it('wants lat and long together, in range', () => {
    expect(latLong(params('lat=16.05&long=108.2'))).toEqual({ latitude: 16.05, longitude: 108.2 });
    expect(latLong(params(''))).toBeNull();
    expect(() => latLong(params('lat=16'))).toThrow(/together/);
    expect(() => latLong(params('lat=abc&long=108'))).toThrow(/WGS84/);
  });

  it('writes XML with the declaration, escaped text, empty elements for null and plural wrappers', () => {
    const text = toXml('service_definition', {
      service_code: 'a&b',
      note: null,
      attributes: [{ code: 'X', values: [{ key: '1', name: '<one>' }] }],
    });
    expect(text).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<service_definition><service_code>a&amp;b</service_code><note></note>' +
        '<attributes><attribute><code>X</code><values><value><key>1</key><name>&lt;one&gt;</name></value></values></attribute></attributes></service_definition>',
    );
    expect(toXml('x', { bad: 'a\u0001b' })).toContain('<bad>ab</bad>');
  });
});
