import type { Catalog } from '../../catalog/catalog';
import type { Viewer } from '../../catalog/catalog.access';
import { CkanError, type CkanAction, type CkanActionContext } from '../ckan-action';
import { requireId } from '../ckan-params';
import { actorFor, defineAction, viewerFor } from './action-kit';

function publisher(context: CkanActionContext): Viewer {
  const viewer = viewerFor(context);
  if (viewer.editableOrgs !== 'all' && viewer.editableOrgs.length === 0)
    throw CkanError.denied('User not authorized to edit resources');
  return viewer;
}

async function present(catalog: Catalog, id: string) {
  const resource = await catalog.resources.repo.findById(id);
  if (!resource) throw CkanError.notFound('Resource was not found.');
  return catalog.resourceDict(resource);
}

async function change(catalog: Catalog, context: CkanActionContext, mode: 'update' | 'patch') {
  const viewer = publisher(context);
  const updated = await catalog.resources.update(
    viewer,
    actorFor(context),
    context.params,
    context.files,
    mode,
  );
  return present(catalog, updated.id);
}

/** resource_* actions; create/update/patch accept a multipart `upload` file. */
export function resourceActions(catalog: Catalog): CkanAction[] {
  return [
    defineAction('resource_show', true, 'One resource by id.', async (context) => {
      const resource = await catalog.resources.show(viewerFor(context), requireId(context.params));
      return present(catalog, resource.id);
    }),
    defineAction(
      'resource_create',
      false,
      'Add a resource: url, or a multipart `upload` file (max 100 MiB).',
      async (c) => {
        const created = await catalog.resources.create(publisher(c), actorFor(c), c.params, c.files);
        return present(catalog, created.id);
      },
    ),
    defineAction('resource_update', false, 'Replace a resource (a new `upload` replaces the file).', (c) =>
      change(catalog, c, 'update'),
    ),
    defineAction('resource_patch', false, 'Change only the given fields of a resource.', (c) =>
      change(catalog, c, 'patch'),
    ),
    defineAction('resource_delete', false, 'Remove a resource and its file.', async (c) => {
      await catalog.resources.delete(publisher(c), actorFor(c), requireId(c.params));
      return null;
    }),
  ];
}
