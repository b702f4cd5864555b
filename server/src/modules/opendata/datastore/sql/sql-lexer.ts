/**
 * A lexer for PostgreSQL's SELECT syntax, enough to judge a query before PostgreSQL sees it: it knows every
 * way text can hide from a naive scan (comments, nested comments, string constants with all their
 * prefixes, dollar quoting, quoted identifiers), so a `;` or a function name is found wherever it really
 * is and never inside a string. Unicode-escaped strings and identifiers (U&"...") are refused: they can
 * spell any name without writing it.
 */
export type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'operator' | 'punct' | 'param';

export interface Token {
  readonly kind: TokenKind;
  /** Words lower-cased, quoted identifiers unquoted, punctuation as written. */
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

export class SqlSyntaxError extends Error {
  override name = 'SqlSyntaxError';
}

const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_PART = /[A-Za-z0-9_$\u0080-\uffff]/;
const OPERATOR = /[+\-*/<>=~!@#%^&|`?]/;

function skipComment(sql: string, at: number): number {
  if (sql.startsWith('--', at)) {
    const end = sql.indexOf('\n', at);
    return end < 0 ? sql.length : end + 1;
  }
  let depth = 0;
  for (let cursor = at; cursor < sql.length; cursor += 1) {
    if (sql.startsWith('/*', cursor)) {
      depth += 1;
      cursor += 1;
    } else if (sql.startsWith('*/', cursor)) {
      depth -= 1;
      cursor += 1;
      if (depth === 0) return cursor + 1;
    }
  }
  throw new SqlSyntaxError('unterminated /* comment');
}

/** A '...' constant from its opening quote; E'...' strings also escape with backslashes. */
function stringEnd(sql: string, quote: number, backslashes: boolean): number {
  for (let cursor = quote + 1; cursor < sql.length; cursor += 1) {
    const char = sql[cursor];
    if (backslashes && char === '\\') cursor += 1;
    else if (char === "'") {
      if (sql[cursor + 1] !== "'") return cursor + 1;
      cursor += 1;
    }
  }
  throw new SqlSyntaxError('unterminated quoted string');
}

function dollarEnd(sql: string, at: number): number | undefined {
  const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(at, at + 64))?.[0];
  if (!tag) return undefined;
  const close = sql.indexOf(tag, at + tag.length);
  if (close < 0) throw new SqlSyntaxError('unterminated dollar-quoted string');
  return close + tag.length;
}

function quotedEnd(sql: string, at: number): number {
  for (let cursor = at + 1; cursor < sql.length; cursor += 1) {
    if (sql[cursor] === '"') {
      if (sql[cursor + 1] !== '"') return cursor + 1;
      cursor += 1;
    }
  }
  throw new SqlSyntaxError('unterminated quoted identifier');
}

function wordEnd(sql: string, at: number): number {
  let cursor = at + 1;
  while (cursor < sql.length && WORD_PART.test(sql[cursor] as string)) cursor += 1;
  return cursor;
}

function numberEnd(sql: string, at: number): number {
  const match = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(sql.slice(at, at + 400));
  return at + (match?.[0].length ?? 1);
}

function operatorEnd(sql: string, at: number): number {
  let end = at + 1;
  const continues = (index: number) =>
    OPERATOR.test(sql[index] as string) && !sql.startsWith('--', index) && !sql.startsWith('/*', index);
  while (end < sql.length && continues(end)) end += 1;
  return end;
}

type Make = (kind: TokenKind, end: number, value?: string) => Token;

/** A token that quotes: string constants (with their prefixes), quoted identifiers, dollar quoting. */
function quotingToken(sql: string, at: number, make: Make): Token | undefined {
  const char = sql[at] as string;
  const next = sql[at + 1] ?? '';
  if ((char === 'u' || char === 'U') && next === '&') {
    throw new SqlSyntaxError('Unicode escapes (U&) are not allowed');
  }
  if (/[eEbBxXnN]/.test(char) && next === "'") {
    return make('string', stringEnd(sql, at + 1, /[eE]/.test(char)));
  }
  if (char === "'") return make('string', stringEnd(sql, at, false));
  if (char === '"') {
    const end = quotedEnd(sql, at);
    return make('quoted', end, sql.slice(at + 1, end - 1).replaceAll('""', '"'));
  }
  if (char !== '$') return undefined;
  if (/\d/.test(next)) return make('param', wordEnd(sql, at));
  const end = dollarEnd(sql, at);
  if (end === undefined) throw new SqlSyntaxError('unexpected "$"');
  return make('string', end);
}

/** One token at `at` (not whitespace or comment). */
function tokenAt(sql: string, at: number): Token {
  const char = sql[at] as string;
  const next = sql[at + 1] ?? '';
  const make: Make = (kind, end, value = sql.slice(at, end)) => ({ kind, value, start: at, end });
  const quoting = quotingToken(sql, at, make);
  if (quoting) return quoting;
  if (WORD_START.test(char)) {
    const end = wordEnd(sql, at);
    return make('word', end, sql.slice(at, end).toLowerCase());
  }
  if (/\d/.test(char) || (char === '.' && /\d/.test(next))) return make('number', numberEnd(sql, at));
  if (char === ':' && next === ':') return make('operator', at + 2);
  if ('(),;[].:'.includes(char)) return make('punct', at + 1);
  if (OPERATOR.test(char)) return make('operator', operatorEnd(sql, at));
  throw new SqlSyntaxError(`unexpected character "${char}"`);
}

export function lex(sql: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < sql.length) {
    const char = sql[at] as string;
    if (/\s/.test(char)) at += 1;
    else if (sql.startsWith('--', at) || sql.startsWith('/*', at)) at = skipComment(sql, at);
    else {
      const token = tokenAt(sql, at);
      tokens.push(token);
      at = token.end;
    }
  }
  return tokens;
}
