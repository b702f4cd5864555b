import { Badge, Stack, Switch, Table } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { commonMessages } from '../../components/common.i18n';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OneTimeSecret } from '../../components/OneTimeSecret';
import { PageTitle } from '../../components/PageTitle';
import { EmptyBlock, LoadingBlock } from '../../components/StatusBlocks';
import { formatDateTime } from '../../lib/format';
import { fill, useMessages } from '../../lib/i18n';
import { hasAnyRole } from '../auth/roles';
import { useSession } from '../auth/session';
import { useUserNames } from '../users/users.api';
import { TokenCreateForm } from './TokenCreateForm';
import { listTokens, revokeToken, tokensKey, tokenStatus, type ApiToken } from './tokens.api';
import { tokenMessages } from './tokens.i18n';

const statusColor = { valid: 'teal', revoked: 'gray', expired: 'orange' } as const;

export function TokensPage() {
  const t = useMessages(tokenMessages);
  const common = useMessages(commonMessages);
  const client = useQueryClient();
  const session = useSession();
  const isSystemAdmin = hasAnyRole(session.data?.user.grants, ['system_admin']);
  const [all, setAll] = useState(false);
  const [fresh, setFresh] = useState<{ token: string; name: string } | null>(null);
  const tokens = useQuery({ queryKey: [...tokensKey, all], queryFn: () => listTokens(all) });
  const names = useUserNames(all && isSystemAdmin);
  const refresh = () => client.invalidateQueries({ queryKey: tokensKey });

  const revoke = useMutation({
    mutationFn: (token: ApiToken) => revokeToken(token.id),
    onSuccess: async (_data, token) => {
      notifications.show({ color: 'green', message: fill(t.revokedDone, { name: token.name }) });
      await refresh();
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: common.errorTitle, message: error.message }),
  });

  const statusLabel = { valid: t.valid, revoked: t.revoked, expired: t.expired };
  const items = tokens.data?.items ?? [];

  return (
    <Stack>
      <PageTitle title={t.title} description={t.intro} />
      <TokenCreateForm
        onCreated={(token, record) => {
          setFresh({ token, name: record.name });
          void refresh();
        }}
      />
      {fresh && (
        <OneTimeSecret
          label={`${t.newToken}: ${fresh.name}`}
          value={fresh.token}
          warning={t.newTokenWarning}
        />
      )}
      {isSystemAdmin && (
        <Switch label={t.showAll} checked={all} onChange={(event) => setAll(event.currentTarget.checked)} />
      )}
      {tokens.isPending && <LoadingBlock />}
      {tokens.isError && <ErrorAlert error={tokens.error} />}
      {tokens.data && items.length === 0 && <EmptyBlock title={t.empty} />}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <caption className="visually-hidden">{t.listLabel}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t.name}</Table.Th>
                {all && <Table.Th scope="col">{t.owner}</Table.Th>}
                <Table.Th scope="col">{t.prefix}</Table.Th>
                <Table.Th scope="col">{t.createdAt}</Table.Th>
                <Table.Th scope="col">{t.lastUsed}</Table.Th>
                <Table.Th scope="col">{t.expires}</Table.Th>
                <Table.Th scope="col">{t.status}</Table.Th>
                <Table.Th scope="col">{common.actions}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((token) => {
                const status = tokenStatus(token);
                return (
                  <Table.Tr key={token.id}>
                    <Table.Td>{token.name}</Table.Td>
                    {all && <Table.Td>{names.get(token.userId) ?? token.userId}</Table.Td>}
                    <Table.Td>
                      <code>{token.tokenPrefix}…</code>
                    </Table.Td>
                    <Table.Td>{formatDateTime(token.createdAt)}</Table.Td>
                    <Table.Td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t.notUsed}</Table.Td>
                    <Table.Td>{token.expiresAt ? formatDateTime(token.expiresAt) : t.never}</Table.Td>
                    <Table.Td>
                      <Badge color={statusColor[status]} variant="light" tt="none">
                        {statusLabel[status]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {status === 'valid' && (
                        <ConfirmButton
                          title={t.revokeTitle}
                          message={fill(t.revokeMessage, { name: token.name })}
                          confirmLabel={t.revoke}
                          onConfirm={() => revoke.mutateAsync(token).catch(() => undefined)}
                          loading={revoke.isPending}
                          buttonProps={{ 'aria-label': `${t.revoke}: ${token.name}` }}
                        >
                          {t.revoke}
                        </ConfirmButton>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
