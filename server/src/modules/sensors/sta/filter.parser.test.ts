import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/http/app-error';
import { parseFilter, parseOrderBy } from './filter.parser';

function problemOf(input: string): string {
  try {
    parseFilter(input);
  } catch (error) {
    if (error instanceof AppError) return String(error.details.problem);
    throw error;
  }
  throw new Error(`'${input}' parsed`);
}

describe('$filter parser', () => {
  it('binds or loosest, then and, not, comparison, add/sub, mul/div/mod', () => {
    expect(parseFilter('a eq 1 or b eq 2 and not c eq 3')).toEqual({
      kind: 'logical',
      op: 'or',
      left: {
        kind: 'comparison',
        op: 'eq',
        left: { kind: 'path', segments: ['a'] },
        right: { kind: 'literal', type: 'number', value: 1, integer: true },
      },
      right: {
        kind: 'logical',
        op: 'and',
        left: {
          kind: 'comparison',
          op: 'eq',
          left: { kind: 'path', segments: ['b'] },
          right: { kind: 'literal', type: 'number', value: 2, integer: true },
        },
        right: {
          kind: 'not',
          operand: {
            kind: 'comparison',
            op: 'eq',
            left: { kind: 'path', segments: ['c'] },
            right: { kind: 'literal', type: 'number', value: 3, integer: true },
          },
        },
      },
    });
    const arithmetic = parseFilter('result add 2 mul 3 gt 10');
    expect(arithmetic).toMatchObject({
      kind: 'comparison',
      left: { kind: 'arithmetic', op: 'add', right: { kind: 'arithmetic', op: 'mul' } },
    });
    expect(parseFilter('(result add 2) mul 3 gt 10')).toMatchObject({
      left: { kind: 'arithmetic', op: 'mul', left: { kind: 'arithmetic', op: 'add' } },
    });
  });

  it('reads literals: strings with doubled quotes, numbers, negatives, booleans, null', () => {
    expect(parseFilter("name eq 'Nhà O''Brien'")).toMatchObject({
      right: { type: 'string', value: "Nhà O'Brien" },
    });
    expect(parseFilter('result lt -2.5e1')).toMatchObject({
      right: { type: 'number', value: -25, integer: false },
    });
    expect(parseFilter('properties/on eq true')).toMatchObject({
      left: { segments: ['properties', 'on'] },
      right: { type: 'boolean', value: true },
    });
    expect(parseFilter('resultTime eq null')).toMatchObject({ right: { type: 'null' } });
  });

  it('reads ISO datetimes, dates, intervals, durations and geographies', () => {
    expect(parseFilter('phenomenonTime ge 2026-01-02T03:04:05+07:00')).toMatchObject({
      right: { type: 'datetime', value: '2026-01-01T20:04:05.000Z' },
    });
    expect(parseFilter('phenomenonTime ge 2026-01-02')).toMatchObject({
      right: { value: '2026-01-02T00:00:00.000Z' },
    });
    expect(parseFilter('phenomenonTime eq 2026-01-01T00:00:00Z/2026-01-02T00:00:00Z')).toMatchObject({
      right: { type: 'interval', start: '2026-01-01T00:00:00.000Z', end: '2026-01-02T00:00:00.000Z' },
    });
    expect(parseFilter("phenomenonTime gt now() sub duration'P1DT2H'")).toMatchObject({
      right: {
        kind: 'arithmetic',
        op: 'sub',
        left: { kind: 'call', name: 'now' },
        right: { type: 'duration', value: 'P1DT2H' },
      },
    });
    expect(
      parseFilter("st_within(location, geography'POLYGON((108 16, 108.3 16, 108.3 16.2, 108 16))')"),
    ).toMatchObject({
      kind: 'call',
      name: 'st_within',
      args: [{ kind: 'path' }, { type: 'geometry', value: { type: 'Polygon' } }],
    });
    expect(parseFilter("geo.distance(location, geography'POINT(108.2 16.05)') lt 1000")).toMatchObject({
      left: {
        kind: 'call',
        name: 'geo.distance',
        args: [{}, { value: { type: 'Point', coordinates: [108.2, 16.05] } }],
      },
    });
  });

  it('reads navigation paths and nested function calls', () => {
    expect(parseFilter("Datastream/Thing/properties/owner eq 'UBND'")).toMatchObject({
      left: { kind: 'path', segments: ['Datastream', 'Thing', 'properties', 'owner'] },
    });
    expect(parseFilter("substring(tolower(trim(name)), 1, 2) eq 'ai'")).toMatchObject({
      left: { kind: 'call', name: 'substring', args: [{ kind: 'call', name: 'tolower' }, {}, {}] },
    });
  });

  it.each([
    ['', 'the expression is empty'],
    ["name eq 'open", 'is not closed'],
    ['name eq', 'but the expression ended'],
    ['name eq 1 1', "found '1'"],
    ['(name eq 1', "expected ')'"],
    ['frobnicate(name) eq 1', "unknown function 'frobnicate'"],
    ['length(name, 2) eq 1', 'length() takes 1 argument(s), got 2'],
    ['name eq #', "unexpected character '#'"],
    ['eq 1', "found the operator 'eq'"],
    ['phenomenonTime gt 2026-13-45T00:00:00Z', 'is not a valid date or time'],
    ["x eq duration'1 day'", 'is not an ISO 8601 duration'],
    ["st_within(location, geography'LINESTRING(1 2, 3 4)')", 'is not a POINT or a single-ring POLYGON'],
    ["geo.distance(location, geography'POINT(108)') lt 1", "is not a 'longitude latitude' position"],
    ["Thing/'x' eq 1", 'a property name after /'],
  ])('refuses %j naming the problem', (input, problem) => {
    expect(problemOf(input)).toContain(problem);
  });
});

describe('$orderby parser', () => {
  it('reads several keys with directions', () => {
    expect(parseOrderBy('phenomenonTime desc, result').map((item) => item.descending)).toEqual([true, false]);
    expect(() => parseOrderBy('name sideways')).toThrow(AppError);
  });
});
