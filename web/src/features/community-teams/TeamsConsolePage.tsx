import { Button, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { commonMessages } from '../../components/common.i18n';
import { RowActions } from '../../components/RowActions';
import { FormModal } from '../../components/FormModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageControls } from '../../components/PageControls';
import { PageTitle } from '../../components/PageTitle';
import { EmptyBlock, LoadingBlock } from '../../components/StatusBlocks';
import { fill, useMessages } from '../../lib/i18n';
import { deleteTeam, listTeams, teamsKey, type CommunityTeam } from './teams.api';
import { teamMessages } from './teams.i18n';
import { TeamForm } from './TeamForm';
import { TeamsList } from './TeamsList';

const LIMIT = 20;

export function TeamsConsolePage() {
  const t = useMessages(teamMessages);
  const common = useMessages(commonMessages);
  const client = useQueryClient();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [offset, setOffset] = useState(0);
  const [editing, setEditing] = useState<{ team: CommunityTeam | null } | null>(null);
  const query = { q: debouncedQ.trim() || undefined, limit: LIMIT, offset };
  const teams = useQuery({
    queryKey: [...teamsKey, 'list', query],
    queryFn: () => listTeams(query),
    placeholderData: keepPreviousData,
  });
  const refresh = () => client.invalidateQueries({ queryKey: teamsKey });
  const remove = useMutation({
    mutationFn: (team: CommunityTeam) => deleteTeam(team.id),
    onSuccess: async (_data, team) => {
      notifications.show({ color: 'green', message: fill(t.deleted, { name: team.name }) });
      await refresh();
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: common.errorTitle, message: error.message }),
  });

  return (
    <Stack>
      <PageTitle
        title={t.title}
        description={t.consoleIntro}
        actions={<Button onClick={() => setEditing({ team: null })}>{t.add}</Button>}
      />
      <TextInput
        label={t.search}
        type="search"
        value={q}
        onChange={(event) => {
          setQ(event.currentTarget.value);
          setOffset(0);
        }}
        maw={400}
      />
      {teams.isPending && <LoadingBlock />}
      {teams.isError && <ErrorAlert error={teams.error} />}
      {teams.data && teams.data.items.length === 0 && <EmptyBlock title={t.empty} />}
      {teams.data && teams.data.items.length > 0 && (
        <>
          <TeamsList
            teams={teams.data.items}
            actions={(team) => (
              <RowActions
                name={team.name}
                onEdit={() => setEditing({ team })}
                remove={{
                  title: t.deleteTitle,
                  message: fill(t.deleteMessage, { name: team.name }),
                  onConfirm: () => remove.mutateAsync(team).catch(() => undefined),
                  loading: remove.isPending,
                }}
              />
            )}
          />
          <PageControls total={teams.data.total} limit={LIMIT} offset={offset} onOffsetChange={setOffset} />
        </>
      )}
      <FormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.team ? t.editTitle : t.addTitle}
        size="lg"
      >
        {editing && (
          <TeamForm
            team={editing.team}
            onCancel={() => setEditing(null)}
            onDone={(saved) => {
              notifications.show({
                color: 'green',
                message: editing.team ? common.saved : fill(t.created, { name: saved.name }),
              });
              setEditing(null);
              void refresh();
            }}
          />
        )}
      </FormModal>
    </Stack>
  );
}
