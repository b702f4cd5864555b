import { Alert, Anchor, Button, Paper, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { NotFound } from '../../app/StatusPages';
import { commonMessages } from '../../components/common.i18n';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { LoadingBlock } from '../../components/StatusBlocks';
import { ApiError } from '../../lib/api';
import { fill, useMessages } from '../../lib/i18n';
import { opendataKey, usePackage } from '../opendata/opendata.api';
import type { CkanPackage } from '../opendata/opendata.types';
import { useDatasetActions } from './dataset-actions';
import { emptyValues, toPackage, valuesOf, type DatasetFormValues } from './dataset-form';
import { DatasetForm } from './DatasetForm';
import { DatasetStateBadges } from './DatasetStateBadges';
import { createPackage, patchPackage } from './publish.api';
import { publishMessages } from './publish.i18n';
import { usePublisherOrgs } from './publisher-orgs';
import { ResourcesPanel } from './ResourcesPanel';

function Section({
  id,
  title,
  children,
}: {
  readonly id: string;
  readonly title: string;
  readonly children: ReactNode;
}) {
  return (
    <Paper component="section" aria-labelledby={id} withBorder p="md">
      <Title id={id} order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function BackLink() {
  const t = useMessages(publishMessages);
  return (
    <Anchor component={Link} to="/console/data" size="sm">
      ← {t.backToList}
    </Anchor>
  );
}

/** /console/data/new: a new dataset, saved as a draft, then on to its page to add files. */
export function DatasetCreatePage() {
  const t = useMessages(publishMessages);
  const navigate = useNavigate();
  const client = useQueryClient();
  const orgs = usePublisherOrgs();
  const create = useMutation({
    mutationFn: (values: DatasetFormValues) => createPackage({ ...toPackage(values), state: 'draft' }),
    onSuccess: async (saved) => {
      notifications.show({ color: 'green', message: fill(t.created, { title: saved.title }) });
      await client.invalidateQueries({ queryKey: opendataKey });
      await navigate(`/console/data/${encodeURIComponent(saved.name)}`);
    },
  });
  if (orgs.pending) return <LoadingBlock />;
  return (
    <Stack>
      <BackLink />
      <PageTitle title={t.createTitle} description={t.createIntro} />
      <Section id="od-details" title={t.sectionDetails}>
        <DatasetForm
          initial={emptyValues(orgs.options.length === 1 ? orgs.options[0]?.value : '')}
          isNew
          orgs={orgs.options}
          pending={create.isPending}
          error={create.error}
          submitLabel={t.saveDraft}
          onSubmit={(values) => create.mutate(values)}
          onCancel={() => void navigate('/console/data')}
        />
      </Section>
    </Stack>
  );
}

function EditDataset({ dataset }: { readonly dataset: CkanPackage }) {
  const t = useMessages(publishMessages);
  const common = useMessages(commonMessages);
  const navigate = useNavigate();
  const client = useQueryClient();
  const orgs = usePublisherOrgs();
  const { setState, remove } = useDatasetActions(() => void navigate('/console/data'));
  const save = useMutation({
    mutationFn: (values: DatasetFormValues) => patchPackage(dataset.id, toPackage(values)),
    onSuccess: async (saved) => {
      notifications.show({ color: 'green', message: common.saved });
      await client.invalidateQueries({ queryKey: opendataKey });
      if (saved.name !== dataset.name)
        await navigate(`/console/data/${encodeURIComponent(saved.name)}`, { replace: true });
    },
  });
  const isDraft = dataset.state === 'draft';
  return (
    <Stack>
      <BackLink />
      <PageTitle
        title={dataset.title || dataset.name}
        description={<DatasetStateBadges dataset={dataset} />}
        actions={
          <>
            <Button
              variant="default"
              component={Link}
              to={`/data/dataset/${encodeURIComponent(dataset.name)}`}
            >
              {t.view}
            </Button>
            <Button
              variant={isDraft ? 'filled' : 'light'}
              onClick={() => setState.mutate({ dataset, state: isDraft ? 'active' : 'draft' })}
              loading={setState.isPending}
            >
              {isDraft ? t.publish : t.unpublish}
            </Button>
            <ConfirmButton
              title={t.deleteTitle}
              message={fill(t.deleteMessage, { title: dataset.title })}
              confirmLabel={common.delete}
              onConfirm={() => remove.mutateAsync(dataset).catch(() => undefined)}
              loading={remove.isPending}
              buttonProps={{ size: 'sm' }}
            >
              {common.delete}
            </ConfirmButton>
          </>
        }
      />
      <Alert color={isDraft ? 'yellow' : 'green'} variant="light">
        {isDraft ? t.draftNotice : t.activeNotice}
      </Alert>
      <Section id="od-files" title={t.sectionFiles}>
        <ResourcesPanel dataset={dataset} />
      </Section>
      <Section id="od-details" title={t.sectionDetails}>
        <DatasetForm
          initial={valuesOf(dataset)}
          isNew={false}
          orgs={orgs.options}
          pending={save.isPending}
          error={save.error}
          submitLabel={common.save}
          onSubmit={(values) => save.mutate(values)}
          onCancel={() => void navigate('/console/data')}
        />
      </Section>
    </Stack>
  );
}

/** /console/data/:name: a dataset's files and loads, its metadata, publish and delete. */
export function DatasetEditPage() {
  const name = useParams().name ?? '';
  const dataset = usePackage(name);
  if (dataset.isPending) return <LoadingBlock />;
  if (dataset.isError)
    return dataset.error instanceof ApiError && dataset.error.status === 404 ? (
      <NotFound home="/console" />
    ) : (
      <ErrorAlert error={dataset.error} />
    );
  return <EditDataset key={dataset.data.id} dataset={dataset.data} />;
}
