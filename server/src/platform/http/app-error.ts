import type { Localized } from '../i18n/locale';

/** One entry of an error catalogue: a stable code, its HTTP status and its message in vi and en. */
export interface ErrorDefinition {
  readonly code: string;
  readonly status: number;
  readonly message: Localized;
}

export type ErrorCatalogue<K extends string = string> = Readonly<Record<K, ErrorDefinition>>;

/**
 * Declares a module's error catalogue. Codes are prefixed with the module name so they stay unique
 * across the platform (FEEDBACK_REPORT_NOT_FOUND); docs/errors.md is checked against every catalogue.
 */
export function defineErrors<K extends string>(
  prefix: string,
  entries: Readonly<Record<K, { status: number; vi: string; en: string }>>,
): ErrorCatalogue<K> {
  const catalogue = {} as Record<K, ErrorDefinition>;
  for (const key of Object.keys(entries) as K[]) {
    const entry = entries[key];
    catalogue[key] = {
      code: `${prefix}_${key}`,
      status: entry.status,
      message: { vi: entry.vi, en: entry.en },
    };
  }
  return catalogue;
}

/**
 * The single error type of citydx. Services throw it; the HTTP layer renders it in the wire format of
 * the API family that was called ({error:{code,message,details}} for /api/v1).
 */
export class AppError extends Error {
  override name = 'AppError';

  constructor(
    readonly definition: ErrorDefinition,
    readonly details: Record<string, unknown> = {},
    readonly params: Record<string, unknown> = {},
  ) {
    super(definition.code);
  }

  get code(): string {
    return this.definition.code;
  }

  get status(): number {
    return this.definition.status;
  }
}
