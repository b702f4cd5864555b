import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/** A Fastify plugin whose routes infer request types from their TypeBox schemas. */
export type TypedPlugin<Options extends object = Record<never, never>> = FastifyPluginAsyncTypebox<Options>;

/** The client address recorded in the audit log. */
export function clientIp(request: { ip: string }): string | null {
  return request.ip || null;
}
