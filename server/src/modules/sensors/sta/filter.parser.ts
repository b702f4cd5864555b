import type { ArithmeticOperator, ComparisonOperator, FilterNode } from './filter.ast';
import { filterError, tokenize, type Token } from './filter.lexer';
import { parseDatetime, parseDuration, parseGeometry } from './filter.literals';
import { defined } from '../defined';

const COMPARISONS = new Set<string>(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const ADDITIVE = new Set<string>(['add', 'sub']);
const MULTIPLICATIVE = new Set<string>(['mul', 'div', 'mod']);

/** Every function of the STA 1.1 filter grammar with how many arguments it takes ([min, max]). */
export const FUNCTION_ARITY: Readonly<Record<string, readonly [number, number]>> = {
  substringof: [2, 2],
  startswith: [2, 2],
  endswith: [2, 2],
  contains: [2, 2],
  length: [1, 1],
  indexof: [2, 2],
  substring: [2, 3],
  tolower: [1, 1],
  toupper: [1, 1],
  trim: [1, 1],
  concat: [2, 2],
  year: [1, 1],
  month: [1, 1],
  day: [1, 1],
  hour: [1, 1],
  minute: [1, 1],
  second: [1, 1],
  fractionalseconds: [1, 1],
  date: [1, 1],
  time: [1, 1],
  totaloffsetminutes: [1, 1],
  now: [0, 0],
  mindatetime: [0, 0],
  maxdatetime: [0, 0],
  round: [1, 1],
  floor: [1, 1],
  ceiling: [1, 1],
  'geo.distance': [2, 2],
  'geo.length': [1, 1],
  'geo.intersects': [2, 2],
  st_equals: [2, 2],
  st_disjoint: [2, 2],
  st_touches: [2, 2],
  st_within: [2, 2],
  st_overlaps: [2, 2],
  st_crosses: [2, 2],
  st_intersects: [2, 2],
  st_contains: [2, 2],
  st_relate: [3, 3],
};

/**
 * A recursive-descent parser for the OData subset SensorThings 1.1 uses in $filter and $orderby.
 * Precedence, loosest first: or, and, not, comparison, add/sub, mul/div/mod, unary minus, primary.
 */
class FilterParser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  private get current(): Token {
    return defined(this.tokens[this.index] ?? this.tokens[this.tokens.length - 1], 'token');
  }

  private keyword(): string | null {
    return this.current.type === 'identifier' ? this.current.text.toLowerCase() : null;
  }

  private advance(): Token {
    const token = this.current;
    if (token.type !== 'end') this.index += 1;
    return token;
  }

  private expect(type: Token['type'], what: string): Token {
    if (this.current.type !== type) throw this.unexpected(what);
    return this.advance();
  }

  private unexpected(expected: string): Error {
    const token = this.current;
    return token.type === 'end'
      ? filterError(`expected ${expected} but the expression ended`)
      : filterError(`expected ${expected} at position ${token.position}, found '${token.text}'`);
  }

  private atEnd(): boolean {
    return this.current.type === 'end';
  }

  parseWhole(): FilterNode {
    if (this.atEnd()) throw filterError('the expression is empty');
    const node = this.parseOr();
    if (!this.atEnd()) throw this.unexpected('an operator or the end of the expression');
    return node;
  }

  /** One expression and whatever follows it (used by $orderby: `expr [asc|desc], …`). */
  parseExpression(): FilterNode {
    return this.parseOr();
  }

  get position(): Token {
    return this.current;
  }

  skip(): Token {
    return this.advance();
  }

  private parseOr(): FilterNode {
    let left = this.parseAnd();
    while (this.keyword() === 'or') {
      this.advance();
      left = { kind: 'logical', op: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): FilterNode {
    let left = this.parseNot();
    while (this.keyword() === 'and') {
      this.advance();
      left = { kind: 'logical', op: 'and', left, right: this.parseNot() };
    }
    return left;
  }

  private parseNot(): FilterNode {
    if (this.keyword() === 'not') {
      this.advance();
      return { kind: 'not', operand: this.parseNot() };
    }
    return this.parseComparison();
  }

  private parseComparison(): FilterNode {
    const left = this.parseAdditive();
    const op = this.keyword();
    if (op && COMPARISONS.has(op)) {
      this.advance();
      return { kind: 'comparison', op: op as ComparisonOperator, left, right: this.parseAdditive() };
    }
    return left;
  }

  private parseAdditive(): FilterNode {
    let left = this.parseMultiplicative();
    for (let op = this.keyword(); op && ADDITIVE.has(op); op = this.keyword()) {
      this.advance();
      left = { kind: 'arithmetic', op: op as ArithmeticOperator, left, right: this.parseMultiplicative() };
    }
    return left;
  }

  private parseMultiplicative(): FilterNode {
    let left = this.parseUnary();
    for (let op = this.keyword(); op && MULTIPLICATIVE.has(op); op = this.keyword()) {
      this.advance();
      left = { kind: 'arithmetic', op: op as ArithmeticOperator, left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): FilterNode {
    if (this.current.type !== 'minus') return this.parsePrimary();
    this.advance();
    const operand = this.parseUnary();
    if (operand.kind === 'literal' && operand.type === 'number') return { ...operand, value: -operand.value };
    return { kind: 'negate', operand };
  }

  private parsePrimary(): FilterNode {
    const token = this.current;
    switch (token.type) {
      case 'open': {
        this.advance();
        const inner = this.parseOr();
        this.expect('close', "')'");
        return inner;
      }
      case 'string':
        this.advance();
        return { kind: 'literal', type: 'string', value: token.value };
      case 'number': {
        this.advance();
        const value = Number(token.value);
        return { kind: 'literal', type: 'number', value, integer: /^\d+$/.test(token.value) };
      }
      case 'datetime':
        this.advance();
        return { kind: 'literal', type: 'datetime', value: parseDatetime(token.value) };
      case 'interval': {
        this.advance();
        const [start = '', end = ''] = token.value.split('/');
        return { kind: 'literal', type: 'interval', start: parseDatetime(start), end: parseDatetime(end) };
      }
      case 'duration':
        this.advance();
        return { kind: 'literal', type: 'duration', value: parseDuration(token.value) };
      case 'geography':
        this.advance();
        return { kind: 'literal', type: 'geometry', value: parseGeometry(token.value) };
      case 'identifier':
        return this.parseIdentifier();
      default:
        throw this.unexpected('a value, a property or a function');
    }
  }

  private parseIdentifier(): FilterNode {
    const token = this.advance();
    const word = token.text;
    if (word === 'true' || word === 'false')
      return { kind: 'literal', type: 'boolean', value: word === 'true' };
    if (word === 'null') return { kind: 'literal', type: 'null' };
    if (this.current.type === 'open') return this.parseCall(word.toLowerCase(), token);
    if (COMPARISONS.has(word) || ['and', 'or', 'not', 'add', 'sub', 'mul', 'div', 'mod'].includes(word))
      throw filterError(`expected a value at position ${token.position}, found the operator '${word}'`);
    const segments = [word];
    while (this.current.type === 'slash') {
      this.advance();
      // A position in a JSON array (a MultiDatastream's unitOfMeasurements/0/symbol).
      const next: Token = this.current;
      if (next.type === 'number' && /^\d+$/.test(next.text)) segments.push(this.advance().text);
      else segments.push(this.expect('identifier', 'a property name after /').text);
    }
    return { kind: 'path', segments };
  }

  private parseCall(name: string, token: Token): FilterNode {
    const arity = FUNCTION_ARITY[name];
    if (!arity) throw filterError(`unknown function '${token.text}' at position ${token.position}`);
    this.expect('open', "'('");
    const args: FilterNode[] = [];
    if (this.current.type !== 'close') {
      args.push(this.parseOr());
      while (this.current.type === 'comma') {
        this.advance();
        args.push(this.parseOr());
      }
    }
    this.expect('close', "')' or ','");
    const [min, max] = arity;
    if (args.length < min || args.length > max) {
      const wanted = min === max ? `${min}` : `${min} to ${max}`;
      throw filterError(`${name}() takes ${wanted} argument(s), got ${args.length}`);
    }
    return { kind: 'call', name, args };
  }
}

/** Parses a whole $filter expression into its tree, or throws a 400 naming the problem. */
export function parseFilter(input: string): FilterNode {
  return new FilterParser(tokenize(input)).parseWhole();
}

export interface OrderItem {
  readonly expression: FilterNode;
  readonly descending: boolean;
}

/** Parses $orderby: comma-separated expressions, each optionally followed by asc or desc. */
export function parseOrderBy(input: string): OrderItem[] {
  const parser = new FilterParser(tokenize(input));
  const items: OrderItem[] = [];
  for (;;) {
    const expression = parser.parseExpression();
    const next = parser.position;
    let descending = false;
    if (next.type === 'identifier' && ['asc', 'desc'].includes(next.text.toLowerCase())) {
      descending = next.text.toLowerCase() === 'desc';
      parser.skip();
    }
    items.push({ expression, descending });
    const after = parser.position;
    if (after.type === 'end') return items;
    if (after.type !== 'comma')
      throw filterError(
        `expected ',' or the end of $orderby at position ${after.position}, found '${after.text}'`,
      );
    parser.skip();
  }
}
