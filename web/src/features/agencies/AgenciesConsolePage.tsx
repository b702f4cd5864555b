import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { commonMessages } from '../../components/common.i18n';
import { ConfirmButton } from '../../components/ConfirmButton';
import { FormModal } from '../../components/FormModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { EmptyBlock, LoadingBlock } from '../../components/StatusBlocks';
import { fill, pick, useLocale, useMessages } from '../../lib/i18n';
import { hasAnyRole } from '../auth/roles';
import { useSession } from '../auth/session';
import { deleteAgency, useAllAgencies, useInvalidateAgencies, type Agency } from './agencies.api';
import { agencyMessages } from './agencies.i18n';
import { AgencyContacts } from './AgencyContacts';
import { AgencyForm } from './AgencyForm';
import { AgencyTree } from './AgencyTree';
import { buildAgencyTree } from './tree';

type Editing = { readonly agency: Agency | null; readonly parentId: string | null } | null;

/** Console: the same tree, with add, edit and delete where the user's roles allow. */
export function AgenciesConsolePage() {
  const t = useMessages(agencyMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const session = useSession();
  const grants = session.data?.user.grants ?? [];
  const isSystemAdmin = hasAnyRole(grants, ['system_admin']);
  const ownAgencies = new Set(
    grants.filter((grant) => grant.role === 'agency_admin').map((grant) => grant.agencyId),
  );
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 200);
  const [editing, setEditing] = useState<Editing>(null);
  const agencies = useAllAgencies();
  const invalidate = useInvalidateAgencies();
  const tree = useMemo(() => buildAgencyTree(agencies.data ?? [], debounced), [agencies.data, debounced]);
  const name = (agency: Agency) => pick(locale, { vi: agency.nameVi, en: agency.nameEn });

  const remove = useMutation({
    mutationFn: (agency: Agency) => deleteAgency(agency.id),
    onSuccess: async (_data, agency) => {
      notifications.show({ color: 'green', message: fill(t.deleted, { name: name(agency) }) });
      await invalidate();
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: common.errorTitle, message: error.message }),
  });

  const actions = (agency: Agency) => {
    const canEdit = isSystemAdmin || ownAgencies.has(agency.id);
    if (!canEdit) return null;
    const label = name(agency);
    return (
      <>
        <Button
          size="xs"
          variant="light"
          onClick={() => setEditing({ agency, parentId: agency.parentId })}
          aria-label={`${common.edit}: ${label}`}
        >
          {common.edit}
        </Button>
        {isSystemAdmin && (
          <>
            <Button
              size="xs"
              variant="subtle"
              onClick={() => setEditing({ agency: null, parentId: agency.id })}
              aria-label={`${t.addChild}: ${label}`}
              visibleFrom="sm"
            >
              {t.addChild}
            </Button>
            <ConfirmButton
              title={t.deleteTitle}
              message={
                agency.childCount > 0
                  ? fill(t.deleteHasChildren, { count: agency.childCount })
                  : fill(t.deleteMessage, { name: label })
              }
              confirmLabel={common.delete}
              onConfirm={() =>
                agency.childCount > 0 ? undefined : remove.mutateAsync(agency).catch(() => undefined)
              }
              loading={remove.isPending}
              buttonProps={{ 'aria-label': `${common.delete}: ${label}`, disabled: agency.childCount > 0 }}
            >
              {common.delete}
            </ConfirmButton>
          </>
        )}
      </>
    );
  };

  return (
    <Stack>
      <PageTitle
        title={t.title}
        description={t.consoleIntro}
        actions={
          isSystemAdmin && (
            <Button onClick={() => setEditing({ agency: null, parentId: null })}>{t.add}</Button>
          )
        }
      />
      <TextInput
        label={t.search}
        description={t.searchHint}
        type="search"
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        maw={480}
      />
      {agencies.isPending && <LoadingBlock />}
      {agencies.isError && <ErrorAlert error={agencies.error} />}
      {agencies.data && (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {fill(t.count, { count: agencies.data.length })}
          </Text>
          {tree.length === 0 ? (
            <EmptyBlock title={agencies.data.length === 0 ? t.empty : common.noResults} />
          ) : (
            <AgencyTree
              nodes={tree}
              expandAll={debounced.trim() !== ''}
              renderDetails={(agency) => (
                <>
                  <Text size="xs" c="dimmed">
                    {t.code}: {agency.code}
                  </Text>
                  <AgencyContacts agency={agency} />
                </>
              )}
              renderActions={actions}
            />
          )}
        </>
      )}
      <FormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.agency ? t.editTitle : t.addTitle}
        size="lg"
      >
        {editing && agencies.data && (
          <AgencyForm
            agency={editing.agency}
            parentId={editing.parentId}
            agencies={agencies.data}
            contactOnly={!isSystemAdmin}
            onCancel={() => setEditing(null)}
            onDone={(saved) => {
              notifications.show({
                color: 'green',
                message: editing.agency ? common.saved : fill(t.created, { name: name(saved) }),
              });
              setEditing(null);
              void invalidate();
            }}
          />
        )}
      </FormModal>
    </Stack>
  );
}
