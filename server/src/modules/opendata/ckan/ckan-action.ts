import type { FastifyRequest } from 'fastify';
import type { Principal } from '../../../platform/auth/principal';

/**
 * One CKAN Action API function (`/api/3/action/<name>`). The catalog and the DataStore each contribute
 * a list of these; `ckan.routes.ts` dispatches to them and renders CKAN's envelope.
 */
export interface CkanAction {
  readonly name: string;
  /** CKAN's @side_effect_free: may be called with GET. Write actions are POST only. */
  readonly sideEffectFree: boolean;
  /** One line for help_show. */
  readonly help: string;
  handle(context: CkanActionContext): Promise<unknown>;
}

export interface CkanUploadedFile {
  readonly fieldName: string;
  readonly fileName: string;
  readonly mimeType: string;
  /** Where the dispatcher spooled the upload (deleted after the action returns). */
  readonly path: string;
  readonly size: number;
}

export interface CkanActionContext {
  /** Query parameters (GET) or the JSON / form body (POST), CKAN-style: repeated keys become lists. */
  readonly params: Record<string, unknown>;
  readonly principal: Principal | null;
  readonly request: FastifyRequest;
  /** Absolute base URL of this installation (for `help` links, resource URLs, DCAT URIs). */
  readonly baseUrl: string;
  /** Files of a multipart POST (resource_create/update with `upload`). */
  readonly files: readonly CkanUploadedFile[];
}

export type CkanErrorType =
  | 'Not Found Error'
  | 'Authorization Error'
  | 'Validation Error'
  | 'Search Query Error'
  | 'Search Error'
  | 'Integrity Error';

const statusByType: Record<CkanErrorType, number> = {
  'Not Found Error': 404,
  'Authorization Error': 403,
  'Validation Error': 409,
  'Search Query Error': 400,
  'Search Error': 409,
  'Integrity Error': 400,
};

/**
 * An error in CKAN's vocabulary. `fields` is the Validation Error's field → messages dict
 * (`{"name": ["That URL is already in use."]}`); other types carry `message`.
 */
export class CkanError extends Error {
  override name = 'CkanError';

  constructor(
    readonly type: CkanErrorType,
    message: string,
    readonly fields: Readonly<Record<string, readonly string[]>> = {},
  ) {
    super(message);
  }

  get status(): number {
    return statusByType[this.type];
  }

  static notFound(detail?: string): CkanError {
    return new CkanError('Not Found Error', detail ? `Not found: ${detail}` : 'Not found');
  }

  static denied(detail?: string): CkanError {
    return new CkanError('Authorization Error', detail ? `Access denied: ${detail}` : 'Access denied');
  }

  static invalid(fields: Record<string, readonly string[]>): CkanError {
    return new CkanError('Validation Error', 'Validation Error', fields);
  }
}
