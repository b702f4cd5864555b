import type { Catalog } from '../../catalog/catalog';
import type { CkanAction } from '../ckan-action';
import { readStringList, requireId } from '../ckan-params';
import { presentGroup } from '../package.presenter';
import { actorFor, defineAction, viewerFor } from './action-kit';
import { listGroupsLike } from './listing';

/** group_* actions over the catalog's topic groups (writes: system admins only). */
export function groupActions(catalog: Catalog): CkanAction[] {
  return [
    defineAction(
      'group_list',
      true,
      'Topic groups. Params: all_fields, sort, limit, offset, groups.',
      async ({ params }) => {
        const wanted = readStringList(params, 'groups');
        const groups = (await catalog.groups.repo.list()).filter(
          (group) => !wanted || wanted.includes(group.name),
        );
        return listGroupsLike(groups, params, (group) => presentGroup(group, true));
      },
    ),
    defineAction('group_show', true, 'One topic group by id or name.', async ({ params }) =>
      presentGroup(await catalog.groups.show(requireId(params)), true),
    ),
    defineAction('group_create', false, 'Create a topic group (system admins).', async (context) =>
      presentGroup(await catalog.groups.create(viewerFor(context), actorFor(context), context.params), true),
    ),
    defineAction('group_update', false, 'Replace a topic group (system admins).', async (context) =>
      presentGroup(
        await catalog.groups.update(viewerFor(context), actorFor(context), context.params, 'update'),
        true,
      ),
    ),
    defineAction(
      'group_patch',
      false,
      'Change a topic group’s given fields (system admins).',
      async (context) =>
        presentGroup(
          await catalog.groups.update(viewerFor(context), actorFor(context), context.params, 'patch'),
          true,
        ),
    ),
    defineAction('group_delete', false, 'Delete a topic group (system admins).', async (context) => {
      await catalog.groups.delete(viewerFor(context), actorFor(context), requireId(context.params));
      return null;
    }),
  ];
}
