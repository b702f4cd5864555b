import { AppError } from '../../../platform/http/app-error';
import { sensorsErrors } from '../sensors.errors';

export type TokenType =
  | 'string'
  | 'number'
  | 'datetime'
  | 'interval'
  | 'duration'
  | 'geography'
  | 'identifier'
  | 'open'
  | 'close'
  | 'comma'
  | 'slash'
  | 'minus'
  | 'end';

export interface Token {
  readonly type: TokenType;
  readonly text: string;
  /** The decoded value for literals (string contents, the WKT inside geography'…'). */
  readonly value: string;
  readonly position: number;
}

// A bare ISO 8601 date or datetime (OData writes them unquoted). Tried before numbers, so 2020-01-01
// is a date and not 2020 minus 1 minus 1.
const DATETIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?/;
const NUMBER = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/;
const IDENTIFIER = /^[A-Za-z_@$][A-Za-z0-9_.@$]*/;
const TYPED_STRING = /^(duration|geography|geometry)'([^']*)'/i;

export function filterError(problem: string): AppError {
  return new AppError(sensorsErrors.FILTER_INVALID, { problem }, { problem });
}

function readString(input: string, start: number): { value: string; end: number } {
  let value = '';
  let index = start + 1;
  while (index < input.length) {
    const char = input[index];
    if (char === "'") {
      // OData escapes a quote inside a string by doubling it.
      if (input[index + 1] === "'") {
        value += "'";
        index += 2;
        continue;
      }
      return { value, end: index + 1 };
    }
    value += char;
    index += 1;
  }
  throw filterError(`the string starting at position ${start} is not closed with '`);
}

const PUNCTUATION: Record<string, TokenType> = {
  '(': 'open',
  ')': 'close',
  ',': 'comma',
  '/': 'slash',
  '-': 'minus',
};

/** Splits a $filter (or $orderby) expression into tokens; a character that starts none is refused. */
export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < input.length) {
    const rest = input.slice(index);
    const space = /^\s+/.exec(rest);
    if (space) {
      index += space[0].length;
      continue;
    }
    if (rest[0] === "'") {
      const { value, end } = readString(input, index);
      tokens.push({ type: 'string', text: input.slice(index, end), value, position: index });
      index = end;
      continue;
    }
    const typed = TYPED_STRING.exec(rest);
    if (typed) {
      const kind = (typed[1] ?? '').toLowerCase() === 'duration' ? 'duration' : 'geography';
      tokens.push({ type: kind, text: typed[0], value: typed[2] ?? '', position: index });
      index += typed[0].length;
      continue;
    }
    const datetime = DATETIME.exec(rest);
    if (datetime) {
      const after = rest.slice(datetime[0].length);
      const intervalEnd = after.startsWith('/') ? DATETIME.exec(after.slice(1)) : null;
      if (intervalEnd) {
        const text = `${datetime[0]}/${intervalEnd[0]}`;
        tokens.push({ type: 'interval', text, value: text, position: index });
        index += text.length;
      } else {
        tokens.push({ type: 'datetime', text: datetime[0], value: datetime[0], position: index });
        index += datetime[0].length;
      }
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number) {
      tokens.push({ type: 'number', text: number[0], value: number[0], position: index });
      index += number[0].length;
      continue;
    }
    const identifier = IDENTIFIER.exec(rest);
    if (identifier) {
      tokens.push({ type: 'identifier', text: identifier[0], value: identifier[0], position: index });
      index += identifier[0].length;
      continue;
    }
    const punctuation = PUNCTUATION[rest[0] ?? ''];
    if (!punctuation) throw filterError(`unexpected character '${rest[0]}' at position ${index}`);
    tokens.push({ type: punctuation, text: rest[0] ?? '', value: rest[0] ?? '', position: index });
    index += 1;
  }
  tokens.push({ type: 'end', text: '', value: '', position: input.length });
  return tokens;
}
