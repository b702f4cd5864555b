import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageControls } from '../../components/PageControls';
import { PageTitle } from '../../components/PageTitle';
import { EmptyBlock, LoadingBlock } from '../../components/StatusBlocks';
import { fill, useMessages } from '../../lib/i18n';
import { readBoardSearch, toBoardFilter, writeBoardSearch, type BoardSearch } from './board-filter';
import { BoardFilters } from './BoardFilters';
import { BoardList } from './BoardList';
import { BoardMap } from './BoardMap';
import { feedbackKey, fetchBoardMap, listBoard } from './feedback.api';
import { feedbackMessages } from './feedback.i18n';
import { FeedbackTabs } from './FeedbackTabs';
import { useAgencyNames } from './reference-data';

const LIMIT = 20;

/** `/feedback`: the public board of answered reports, on a map and as a list, with filters. */
export function FeedbackBoardPage() {
  const t = useMessages(feedbackMessages);
  const [params, setParams] = useSearchParams();
  const search = useMemo(() => readBoardSearch(params), [params]);
  const filter = useMemo(() => toBoardFilter(search), [search]);
  const { names } = useAgencyNames();
  const onChange = (next: BoardSearch) => setParams(writeBoardSearch(next));
  const list = useQuery({
    queryKey: [...feedbackKey, 'board', filter, search.offset],
    queryFn: () => listBoard(filter, LIMIT, search.offset),
    placeholderData: keepPreviousData,
  });
  const map = useQuery({
    queryKey: [...feedbackKey, 'board-map', filter],
    queryFn: () => fetchBoardMap(filter),
    placeholderData: keepPreviousData,
  });
  const linkLabel = useCallback((code: string) => fill(t.viewReport, { code }), [t.viewReport]);
  const features = map.data?.features ?? [];
  const hasSamples = (list.data?.items ?? []).some((report) => report.isSample);

  return (
    <Stack gap="lg">
      <FeedbackTabs />
      <PageTitle
        title={t.sectionTitle}
        description={t.boardIntro}
        actions={
          <Button component={Link} to="/feedback/new">
            {t.tabNew}
          </Button>
        }
      />
      {hasSamples && (
        <Alert color="orange" variant="light" role="note">
          {t.sampleWarning}
        </Alert>
      )}
      <BoardFilters value={search} onChange={onChange} />
      <Stack component="section" aria-labelledby="board-map-title" gap="xs">
        <Title id="board-map-title" order={2} size="h3">
          {t.map}
        </Title>
        <Text size="sm" c="dimmed">
          {t.mapHint}
        </Text>
        {map.isPending && <LoadingBlock />}
        {map.isError && <ErrorAlert error={map.error} />}
        {map.data &&
          (features.length > 0 ? (
            <BoardMap features={features} label={t.map} linkLabel={linkLabel} />
          ) : (
            <EmptyBlock title={t.mapEmpty} />
          ))}
      </Stack>
      <Stack component="section" aria-labelledby="board-list-title" aria-busy={list.isFetching} gap="sm">
        <Group justify="space-between">
          <Title id="board-list-title" order={2} size="h3">
            {t.list}
          </Title>
        </Group>
        {list.isPending && <LoadingBlock />}
        {list.isError && <ErrorAlert error={list.error} />}
        {list.data && list.data.items.length === 0 && <EmptyBlock title={t.empty}>{t.emptyHint}</EmptyBlock>}
        {list.data && list.data.items.length > 0 && (
          <>
            <BoardList reports={list.data.items} agencyNames={names} />
            <PageControls
              total={list.data.total}
              limit={LIMIT}
              offset={search.offset}
              onOffsetChange={(offset) => onChange({ ...search, offset })}
            />
          </>
        )}
      </Stack>
    </Stack>
  );
}
