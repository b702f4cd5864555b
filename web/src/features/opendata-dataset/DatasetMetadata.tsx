import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { todayInCity } from '../../lib/format';
import { fill, pick, useLocale, useMessages } from '../../lib/i18n';
import { getAdminUnit } from '../admin-units/admin-units.api';
import { ckanDay, ckanInstant } from '../opendata/ckan-dates';
import { frequencyLabels } from '../opendata/opendata.i18n';
import type { CkanPackage } from '../opendata/opendata.types';
import { datasetMessages } from './dataset.i18n';

/** A spatial coverage that is an administrative unit code ("48") is shown by the unit's name. */
function SpatialCoverage({ value }: { readonly value: string }) {
  const { locale } = useLocale();
  const isCode = /^\d{1,5}$/.test(value);
  const unit = useQuery({
    queryKey: ['admin-units', 'one', value],
    queryFn: () => getAdminUnit(value, todayInCity()),
    enabled: isCode,
    staleTime: 60 * 60_000,
  });
  if (!isCode || !unit.data) return <>{value}</>;
  return <>{pick(locale, { vi: unit.data.nameVi, en: unit.data.nameEn })}</>;
}

function Item({ term, children }: { readonly term: string; readonly children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {term}
      </Text>
      <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/** The dataset's metadata as a description list; empty fields say so rather than vanish. */
export function DatasetMetadata({ dataset }: { readonly dataset: CkanPackage }) {
  const t = useMessages(datasetMessages);
  const frequencies = useMessages(frequencyLabels);
  const { locale } = useLocale();
  const none = (
    <Text span c="dimmed" inherit>
      {t.notSpecified}
    </Text>
  );
  const org = dataset.organization;
  return (
    <Stack component="dl" gap="sm" m={0}>
      <Item term={t.organisation}>
        {org ? (
          <Anchor component={Link} to={`/data/organization/${encodeURIComponent(org.name)}`}>
            {pick(locale, { vi: org.title, en: org.title_en })}
          </Anchor>
        ) : (
          none
        )}
      </Item>
      <Item term={t.license}>
        {dataset.license_url ? (
          <Anchor href={dataset.license_url} target="_blank" rel="noopener noreferrer license">
            {dataset.license_title ?? dataset.license_id}
          </Anchor>
        ) : (
          (dataset.license_title ?? none)
        )}
      </Item>
      <Item term={t.topics}>
        {dataset.groups.length > 0 ? (
          <Group gap="xs" component="span">
            {dataset.groups.map((group) => (
              <Anchor key={group.name} component={Link} to={`/data/topic/${encodeURIComponent(group.name)}`}>
                {pick(locale, { vi: group.title, en: group.title_en })}
              </Anchor>
            ))}
          </Group>
        ) : (
          none
        )}
      </Item>
      <Item term={t.tags}>
        {dataset.tags.length > 0 ? (
          <Group gap="xs" component="span">
            {dataset.tags.map((tag) => (
              <Anchor
                key={tag.name}
                component={Link}
                to={`/data/search?tags=${encodeURIComponent(tag.name)}`}
              >
                #{tag.display_name}
              </Anchor>
            ))}
          </Group>
        ) : (
          none
        )}
      </Item>
      <Item term={t.temporal}>
        {dataset.temporal_start || dataset.temporal_end
          ? fill(t.temporalRange, {
              from: ckanDay(dataset.temporal_start) || '…',
              to: ckanDay(dataset.temporal_end) || '…',
            })
          : none}
      </Item>
      <Item term={t.spatial}>
        {dataset.spatial_coverage ? <SpatialCoverage value={dataset.spatial_coverage} /> : none}
      </Item>
      <Item term={t.frequency}>{dataset.frequency ? frequencies[dataset.frequency] : none}</Item>
      <Item term={t.modified}>{ckanInstant(dataset.metadata_modified)}</Item>
      <Item term={t.created}>{ckanInstant(dataset.metadata_created)}</Item>
      {dataset.version && <Item term={t.version}>{dataset.version}</Item>}
      {dataset.maintainer && (
        <Item term={t.maintainer}>
          {dataset.maintainer_email ? (
            <Anchor href={`mailto:${dataset.maintainer_email}`}>{dataset.maintainer}</Anchor>
          ) : (
            dataset.maintainer
          )}
        </Item>
      )}
      {dataset.url && (
        <Item term={t.source}>
          <Anchor href={dataset.url} target="_blank" rel="noopener noreferrer">
            {dataset.url}
          </Anchor>
        </Item>
      )}
    </Stack>
  );
}
