import { CkanError } from '../../ckan/ckan-action';

/** The SQLSTATE of an error from node-postgres or PGlite, if it is a database error. */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/**
 * Runs a query built from a client's values and turns what PostgreSQL refuses about those values into
 * CKAN's Validation Error (a bad date in a filter, a duplicate key, text in a numeric column), so that only
 * bugs surface as 500s. `field` names the parameter the values came from.
 */
export async function databaseErrorsAsCkan<T>(field: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw asCkanError(error, field) ?? error;
  }
}

export function asCkanError(error: unknown, field: string): CkanError | undefined {
  const state = sqlState(error);
  if (!state) return undefined;
  const message = (error as Error).message;
  if (state === '23505') {
    return CkanError.invalid({
      constraints: ['Cannot insert records or create index because of uniqueness constraint'],
      info: [message],
    });
  }
  if (state === '57014') return CkanError.invalid({ query: ['Query took too long'] });
  // Class 22 (data exception) and 23 (integrity) are about the values the client sent.
  if (state.startsWith('22') || state.startsWith('23')) return CkanError.invalid({ [field]: [message] });
  return undefined;
}
