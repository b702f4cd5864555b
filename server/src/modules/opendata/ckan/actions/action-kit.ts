import type { Actor } from '../../../../platform/audit/audit';
import { clientIp } from '../../../../platform/http/typed-plugin';
import { viewerOf, type Viewer } from '../../catalog/catalog.access';
import type { CkanAction, CkanActionContext } from '../ckan-action';

/** Declares one action; `sideEffectFree` read actions may be called with GET. */
export function defineAction(
  name: string,
  sideEffectFree: boolean,
  help: string,
  handle: (context: CkanActionContext) => Promise<unknown>,
): CkanAction {
  return { name, sideEffectFree, help, handle };
}

export function viewerFor(context: CkanActionContext): Viewer {
  return viewerOf(context.principal);
}

/** Who the audit log names for a write (the dispatcher refuses anonymous writes before this). */
export function actorFor(context: CkanActionContext): Actor {
  const ip = clientIp(context.request);
  return context.principal ? context.principal.actor(ip) : { id: null, label: 'anonymous', ip };
}
