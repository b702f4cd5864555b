import { Anchor, Breadcrumbs, Stack } from '@mantine/core';
import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { useMessages } from '../../lib/i18n';
import { DatasetSearchView } from './DatasetSearchView';
import { opendataMessages } from './opendata.i18n';

export function PortalBreadcrumbs() {
  const t = useMessages(opendataMessages);
  return (
    <nav aria-label={t.breadcrumb}>
      <Breadcrumbs>
        <Anchor component={Link} to="/data" size="sm">
          {t.backToPortal}
        </Anchor>
      </Breadcrumbs>
    </nav>
  );
}

/** /data/search: the whole catalogue, searchable and filterable. */
export function DatasetSearchPage() {
  const t = useMessages(opendataMessages);
  return (
    <Stack gap={0}>
      <PortalBreadcrumbs />
      <PageTitle title={t.searchTitle} />
      <DatasetSearchView />
    </Stack>
  );
}
