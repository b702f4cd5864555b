import { Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { NotFound } from '../../app/StatusPages';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { LoadingBlock } from '../../components/StatusBlocks';
import { ApiError } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import { fill, pick, useLocale, useMessages } from '../../lib/i18n';
import { PortalBreadcrumbs } from './DatasetSearchPage';
import { DatasetSearchView } from './DatasetSearchView';
import { useGroup, useOrganization } from './opendata.api';
import { opendataMessages } from './opendata.i18n';
import type { CkanGroup, CkanOrganization } from './opendata.types';

function Collection({
  query,
  kind,
  field,
  name,
}: {
  readonly query: UseQueryResult<CkanOrganization | CkanGroup>;
  readonly kind: string;
  readonly field: 'organization' | 'groups';
  readonly name: string;
}) {
  const t = useMessages(opendataMessages);
  const { locale } = useLocale();
  if (query.isPending) return <LoadingBlock />;
  if (query.isError)
    return query.error instanceof ApiError && query.error.status === 404 ? (
      <NotFound home="/data" />
    ) : (
      <ErrorAlert error={query.error} />
    );
  const item = query.data;
  const description =
    'description_en' in item ? pick(locale, { vi: item.description, en: item.description_en }) : '';
  return (
    <Stack gap={0}>
      <PortalBreadcrumbs />
      <PageTitle
        title={pick(locale, { vi: item.title, en: item.title_en })}
        description={
          <>
            <Text span size="sm" fw={500} c="dimmed">
              {kind} · {fill(t.datasetCount, { n: formatNumber(item.package_count ?? 0, locale) })}
            </Text>
            {description && (
              <Text span display="block" mt={4}>
                {description}
              </Text>
            )}
          </>
        }
      />
      <DatasetSearchView fixed={{ [field]: name }} />
    </Stack>
  );
}

/** /data/organization/:name: one agency's datasets. */
export function OrganizationPage() {
  const t = useMessages(opendataMessages);
  const name = useParams().name ?? '';
  const query = useOrganization(name);
  return <Collection key={name} query={query} kind={t.organisationTitle} field="organization" name={name} />;
}

/** /data/topic/:name: one topic group's datasets. */
export function TopicPage() {
  const t = useMessages(opendataMessages);
  const name = useParams().name ?? '';
  const query = useGroup(name);
  return <Collection key={name} query={query} kind={t.topicTitle} field="groups" name={name} />;
}
