import type { AgencyRow } from '../../../../platform/agencies/agencies.repo';
import type { Catalog } from '../../catalog/catalog';
import { orgName } from '../../catalog/organizations';
import { CkanError, type CkanAction, type CkanActionContext } from '../ckan-action';
import { readBoolean, readStringList, readText, requireId, ValidationErrors } from '../ckan-params';
import { validateName } from '../package.input';
import { presentOrganization } from '../package.presenter';
import { actorFor, defineAction, viewerFor } from './action-kit';
import { listGroupsLike, publicCounts } from './listing';

function assertSysadmin(context: CkanActionContext): void {
  if (!viewerFor(context).isSysadmin) throw CkanError.denied('User not authorized to manage organizations');
}

async function findOrg(catalog: Catalog, params: Record<string, unknown>): Promise<AgencyRow> {
  const agency = await catalog.orgs.find(requireId(params));
  if (!agency) throw CkanError.notFound('Organization was not found.');
  return agency;
}

/** Agency fields from an organization dict: name → code (upper case), title → Vietnamese name. */
function agencyChanges(params: Record<string, unknown>, creating: boolean) {
  const errors = new ValidationErrors();
  const name = readText(params, 'name', errors);
  const title = readText(params, 'title', errors);
  const titleEn = readText(params, 'title_en', errors);
  const description = readText(params, 'description', errors);
  if (creating && !name) errors.add('name', 'Missing value');
  if (name) validateName(name, errors);
  errors.throwIfAny();
  return {
    ...(name ? { code: name.toUpperCase() } : {}),
    ...(title || (creating && name) ? { nameVi: title || (name ?? '') } : {}),
    ...(titleEn !== undefined ? { nameEn: titleEn || null } : {}),
    ...(description !== undefined ? { note: description || null } : {}),
  };
}

async function dict(catalog: Catalog, agency: AgencyRow) {
  return presentOrganization(agency, (await publicCounts(catalog)).get(agency.id) ?? 0);
}

async function list(catalog: Catalog, params: Record<string, unknown>) {
  const agencies = (await catalog.orgs.all()).filter((agency) => agency.active);
  const counts = await publicCounts(catalog);
  const wanted = readStringList(params, 'organizations');
  const withCount = readBoolean(params.include_dataset_count, true);
  const items = agencies
    .filter((agency) => !wanted || wanted.includes(orgName(agency)))
    .map((agency) => ({
      name: orgName(agency),
      title: agency.nameVi,
      packageCount: counts.get(agency.id) ?? 0,
      agency,
    }));
  return listGroupsLike(items, params, (item) =>
    presentOrganization(item.agency, withCount ? item.packageCount : undefined),
  );
}

async function create(catalog: Catalog, context: CkanActionContext) {
  assertSysadmin(context);
  const changes = agencyChanges(context.params, true);
  const created = await catalog.agencies.create(
    {
      code: changes.code ?? '',
      nameVi: changes.nameVi ?? '',
      nameEn: changes.nameEn ?? null,
      kind: 'other',
      parentId: null,
      email: null,
      phone: null,
      address: null,
      website: null,
      headUserId: null,
      adminUnitCode: null,
      active: true,
      note: changes.note ?? null,
    },
    actorFor(context),
  );
  return dict(catalog, created);
}

async function change(catalog: Catalog, context: CkanActionContext, mode: 'update' | 'patch') {
  assertSysadmin(context);
  const agency = await findOrg(catalog, context.params);
  const { id: _id, ...params } = context.params;
  const changes = agencyChanges(mode === 'update' ? { name: orgName(agency), ...params } : params, false);
  const principal = context.principal;
  if (!principal) throw CkanError.denied();
  return dict(catalog, await catalog.agencies.update(principal, agency.id, changes, actorFor(context)));
}

async function remove(catalog: Catalog, context: CkanActionContext) {
  assertSysadmin(context);
  const agency = await findOrg(catalog, context.params);
  if ((await publicCounts(catalog, true)).get(agency.id))
    throw CkanError.invalid({ id: ['Organization still has datasets'] });
  await catalog.agencies.delete(agency.id, actorFor(context));
  return null;
}

/** organization_* actions over the kernel's agencies (writes: system admins only). */
export function organizationActions(catalog: Catalog): CkanAction[] {
  return [
    defineAction(
      'organization_list',
      true,
      'Organisations (the city’s agencies). Params: all_fields, sort, limit, offset.',
      ({ params }) => list(catalog, params),
    ),
    defineAction('organization_show', true, 'One organisation by id or name.', async ({ params }) =>
      dict(catalog, await findOrg(catalog, params)),
    ),
    defineAction('organization_create', false, 'Create an agency (system admins).', (c) =>
      create(catalog, c),
    ),
    defineAction('organization_update', false, 'Replace an agency’s name and titles (system admins).', (c) =>
      change(catalog, c, 'update'),
    ),
    defineAction('organization_patch', false, 'Change an agency’s given fields (system admins).', (c) =>
      change(catalog, c, 'patch'),
    ),
    defineAction('organization_delete', false, 'Delete an agency without datasets (system admins).', (c) =>
      remove(catalog, c),
    ),
  ];
}
