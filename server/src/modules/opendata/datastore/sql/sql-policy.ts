import { CkanError } from '../../ckan/ckan-action';
import { DATA_SCHEMA } from '../schema/identifiers';
import {
  allowedFunctions,
  forbiddenKeywords,
  forbiddenTypes,
  keywordsBeforeParenthesis,
  qualifiedFunctions,
} from './sql-functions';
import { lex, SqlSyntaxError, type Token } from './sql-lexer';

const MAX_QUERY_CHARS = 20_000;

function refuse(message: string): CkanError {
  return CkanError.invalid({ query: [message] });
}

const isName = (token: Token | undefined) => token?.kind === 'word' || token?.kind === 'quoted';
const isPunct = (token: Token | undefined, value: string) => token?.kind === 'punct' && token.value === value;

/** Index of the parenthesis closing the one at `open`. */
function closingParenthesis(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let index = open; index < tokens.length; index += 1) {
    if (isPunct(tokens[index], '(')) depth += 1;
    else if (isPunct(tokens[index], ')') && --depth === 0) return index;
  }
  return tokens.length;
}

const isWord = (token: Token | undefined, ...values: string[]) =>
  token?.kind === 'word' && values.includes(token.value);

/**
 * `name(` that is not a call: a column list after an alias (`as v(a, b)`, `with t(a) as (...)`, a
 * further CTE `, u(b) as (...)`) or a keyword of the grammar (`in (...)`, `numeric(10, 2)`). A CTE's
 * column list is followed by `AS (` or `AS [NOT] MATERIALIZED`, which no call in a select list can be.
 */
function isNotCall(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index] as Token;
  const before = tokens[index - 1];
  if (token.kind === 'word' && keywordsBeforeParenthesis.has(token.value)) return true;
  if (isWord(before, 'as', 'with')) return true;
  const close = closingParenthesis(tokens, index + 1);
  const definesCte =
    isWord(tokens[close + 1], 'as') &&
    (isPunct(tokens[close + 2], '(') || isWord(tokens[close + 2], 'materialized', 'not'));
  return isPunct(before, ',') && definesCte;
}

/** Every function call must be on the allowlist; a schema-qualified one only as listed. */
function checkCall(tokens: readonly Token[], index: number): void {
  if (isNotCall(tokens, index)) return;
  const name = (tokens[index] as Token).value.toLowerCase();
  const qualified = isPunct(tokens[index - 1], '.') && isName(tokens[index - 2]);
  const schema = qualified ? (tokens[index - 2] as Token).value.toLowerCase() : undefined;
  const allowed = schema
    ? qualifiedFunctions.has(`${schema}.${name}`) || (schema === 'pg_catalog' && allowedFunctions.has(name))
    : allowedFunctions.has(name);
  if (!allowed) throw refuse(`Not allowed to call Postgres function "${schema ? `${schema}.` : ''}${name}"`);
}

function checkToken(tokens: readonly Token[], index: number): void {
  const token = tokens[index] as Token;
  if (token.kind === 'param') throw refuse('Parameters ($1) are not allowed');
  if (isPunct(token, ';')) throw refuse('Query is not a single statement.');
  if (token.kind === 'word' && forbiddenKeywords.has(token.value))
    throw refuse(`"${token.value.toUpperCase()}" is not allowed: only reading SELECT statements are`);
  if (isName(token) && forbiddenTypes.test(token.value.toLowerCase()))
    throw refuse(`Type "${token.value}" is not allowed`);
  if (isName(token) && isPunct(tokens[index + 1], '(')) checkCall(tokens, index);
}

/** CKAN clients write `public."<resource id>"` (CKAN's DataStore lives in public): that means ours. */
function rewritePublic(sql: string, tokens: readonly Token[]): string {
  let text = '';
  let copied = 0;
  tokens.forEach((token, index) => {
    const isPublic =
      isName(token) && token.value.toLowerCase() === 'public' && isPunct(tokens[index + 1], '.');
    if (!isPublic || isPunct(tokens[index - 1], '.')) return;
    text += `${sql.slice(copied, token.start)}${DATA_SCHEMA}`;
    copied = token.end;
  });
  return text + sql.slice(copied);
}

/**
 * The first line of defence of datastore_search_sql: exactly one statement, a SELECT (or WITH ... SELECT),
 * no data-changing keyword, no function outside the allowlist. Returns the query to run (without its
 * trailing semicolon and comments). Relations are checked afterwards on PostgreSQL's own plan, and the
 * query runs in a READ ONLY transaction: three independent locks.
 */
export function checkQuery(sql: unknown): string {
  if (typeof sql !== 'string' || sql.trim() === '') throw CkanError.invalid({ sql: ['Missing value'] });
  if (sql.length > MAX_QUERY_CHARS) throw refuse(`Query is longer than ${MAX_QUERY_CHARS} characters`);
  let tokens: Token[];
  try {
    tokens = lex(sql);
  } catch (error) {
    if (error instanceof SqlSyntaxError) throw refuse(error.message);
    throw error;
  }
  while (isPunct(tokens.at(-1), ';')) tokens.pop();
  const first = tokens.find((token) => !isPunct(token, '('));
  if (!first || first.kind !== 'word' || (first.value !== 'select' && first.value !== 'with')) {
    throw refuse('Only SELECT statements are allowed');
  }
  tokens.forEach((_, index) => checkToken(tokens, index));
  const last = tokens.at(-1) as Token;
  const body = sql.slice(0, last.end);
  return rewritePublic(body, tokens);
}
