import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { pick, useLocale, useMessages } from '../../lib/i18n';
import type { Agency } from '../agencies/agencies.api';
import { roleLabels, roles, roleScopes, type Role, type RoleGrant } from '../auth/roles';
import { userMessages } from './users.i18n';

export interface DraftGrant {
  readonly role: Role;
  readonly agencyId: string | null;
}

/** Grants that break the role/agency rule (system_admin city-wide; agency roles need an agency). */
export function invalidGrantIndexes(grants: readonly DraftGrant[]): number[] {
  return grants.flatMap((grant, index) =>
    roleScopes[grant.role] === 'agency' && !grant.agencyId ? [index] : [],
  );
}

/** Edits a list of role grants; each row is a role and, where the role allows one, an agency. */
export function GrantsEditor({
  value,
  onChange,
  agencies,
  showErrors,
}: {
  readonly value: readonly DraftGrant[];
  readonly onChange: (grants: DraftGrant[]) => void;
  readonly agencies: readonly Agency[];
  readonly showErrors: boolean;
}) {
  const t = useMessages(userMessages);
  const { locale } = useLocale();
  const invalid = new Set(showErrors ? invalidGrantIndexes(value) : []);
  const agencyOptions = agencies.map((agency) => ({
    value: agency.id,
    label: pick(locale, { vi: agency.nameVi, en: agency.nameEn }),
  }));
  const update = (index: number, grant: DraftGrant) =>
    onChange(value.map((current, i) => (i === index ? grant : current)));

  return (
    <Stack gap="xs" component="fieldset" style={{ border: 'none', padding: 0, margin: 0 }}>
      <Text component="legend" fw={500} size="sm">
        {t.grants}
      </Text>
      {value.length === 0 && (
        <Text size="sm" c="dimmed">
          {t.noGrants}
        </Text>
      )}
      {value.map((grant, index) => {
        const scope = roleScopes[grant.role];
        return (
          <Group key={index} align="flex-end" gap="xs" wrap="wrap">
            <Select
              label={`${t.role} ${index + 1}`}
              data={roles.map((role) => ({ value: role, label: roleLabels[locale][role] }))}
              value={grant.role}
              allowDeselect={false}
              onChange={(role) => {
                if (!role) return;
                const next = role as Role;
                update(index, { role: next, agencyId: roleScopes[next] === 'city' ? null : grant.agencyId });
              }}
              miw={200}
              style={{ flex: '1 1 200px' }}
            />
            <Select
              label={`${t.agency} ${index + 1}`}
              data={scope === 'agency' ? agencyOptions : [{ value: '', label: t.cityWide }, ...agencyOptions]}
              value={grant.agencyId ?? ''}
              disabled={scope === 'city'}
              searchable
              allowDeselect={false}
              required={scope === 'agency'}
              placeholder={scope === 'agency' ? t.agency : t.cityWide}
              onChange={(agencyId) => update(index, { role: grant.role, agencyId: agencyId || null })}
              error={invalid.has(index) ? t.agencyRequired : undefined}
              miw={220}
              style={{ flex: '2 1 220px' }}
            />
            <Button
              variant="subtle"
              color="red"
              size="sm"
              onClick={() => onChange(value.filter((_, i) => i !== index))}
              aria-label={`${t.removeGrant} ${index + 1}`}
            >
              {t.removeGrant}
            </Button>
          </Group>
        );
      })}
      <Group>
        <Button
          variant="light"
          size="xs"
          onClick={() => onChange([...value, { role: 'viewer', agencyId: null }])}
        >
          {t.addGrant}
        </Button>
      </Group>
    </Stack>
  );
}

export function toGrants(drafts: readonly DraftGrant[]): RoleGrant[] {
  return drafts.map((grant) => ({
    role: grant.role,
    agencyId: roleScopes[grant.role] === 'city' ? null : grant.agencyId,
  }));
}
