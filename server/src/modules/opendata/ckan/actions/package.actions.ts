import type { Catalog } from '../../catalog/catalog';
import type { Viewer } from '../../catalog/catalog.access';
import type { CkanAction, CkanActionContext } from '../ckan-action';
import { readNatural, requireId, ValidationErrors } from '../ckan-params';
import { parsePackage, type PackageInput } from '../package.input';
import { actorFor, defineAction, viewerFor } from './action-kit';
import { packageSearchAction } from './package-search.action';

async function input(catalog: Catalog, params: Record<string, unknown>): Promise<PackageInput> {
  const errors = new ValidationErrors();
  const licenses = (await catalog.groups.repo.licenses()).map((license) => license.id);
  const parsed = parsePackage(params, licenses, errors);
  errors.throwIfAny();
  return parsed;
}

async function show(catalog: Catalog, viewer: Viewer, id: string) {
  const [dict] = await catalog.packageDicts([await catalog.datasets.show(viewer, id)]);
  return dict;
}

async function change(catalog: Catalog, context: CkanActionContext, mode: 'update' | 'patch') {
  const id = requireId(context.params, context.params.id !== undefined ? 'id' : 'name');
  const { id: _id, ...rest } = context.params;
  const changes = await input(catalog, mode === 'patch' ? rest : context.params);
  const viewer = viewerFor(context);
  const updated = await catalog.datasets.update(viewer, actorFor(context), id, changes, mode);
  return show(catalog, viewer, updated.id);
}

/** package_* actions: list, show, search, create, update, patch, delete. */
export function packageActions(catalog: Catalog): CkanAction[] {
  return [
    defineAction(
      'package_list',
      true,
      'Names of the public, active datasets. Params: limit, offset.',
      async ({ params }) => {
        const limit = params.limit === undefined ? null : readNatural(params, 'limit', 0);
        return catalog.datasets.repo.publicNames(limit, readNatural(params, 'offset', 0));
      },
    ),
    defineAction('package_show', true, 'One dataset by id or name. Params: id.', (context) =>
      show(catalog, viewerFor(context), requireId(context.params)),
    ),
    packageSearchAction(catalog),
    defineAction('package_create', false, 'Create a dataset (editor of owner_org).', async (context) => {
      const viewer = viewerFor(context);
      const created = await catalog.datasets.create(
        viewer,
        actorFor(context),
        await input(catalog, context.params),
      );
      return show(catalog, viewer, created.id);
    }),
    defineAction(
      'package_update',
      false,
      'Replace a dataset; absent fields are cleared, absent resources kept.',
      (c) => change(catalog, c, 'update'),
    ),
    defineAction('package_patch', false, 'Change only the given fields of a dataset.', (c) =>
      change(catalog, c, 'patch'),
    ),
    defineAction(
      'package_delete',
      false,
      'Mark a dataset deleted (its editors still see it).',
      async (context) => {
        await catalog.datasets.delete(viewerFor(context), actorFor(context), requireId(context.params));
        return null;
      },
    ),
  ];
}
