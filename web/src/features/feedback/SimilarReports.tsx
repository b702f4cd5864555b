import { Alert, Anchor, Button, Card, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/format';
import { fill, useMessages } from '../../lib/i18n';
import { feedbackKey, findSimilar, type LatLng } from './feedback.api';
import { FollowForm } from './FollowForm';
import { submitMessages } from './submit.i18n';

/**
 * Likely duplicates while the citizen types: same category, near the pin, similar words (the server's
 * pg_trgm). Asked only once a category and a pin are chosen, and at most every half second.
 */
export function SimilarReports({
  category,
  location,
  text,
}: {
  readonly category: string | null;
  readonly location: LatLng | null;
  readonly text: string;
}) {
  const t = useMessages(submitMessages);
  const [debouncedText] = useDebouncedValue(text.trim(), 500);
  const [following, setFollowing] = useState<string | null>(null);
  const query =
    category && location
      ? { category, lat: location.latitude, lon: location.longitude, text: debouncedText }
      : null;
  const similar = useQuery({
    queryKey: [...feedbackKey, 'similar', query],
    queryFn: () => (query ? findSimilar(query) : Promise.resolve([])),
    enabled: query !== null,
    staleTime: 30_000,
  });
  const items = similar.data ?? [];
  if (!query || items.length === 0) return null;

  return (
    <Alert color="yellow" variant="light" title={t.similarTitle} role="region" aria-label={t.similarTitle}>
      <Stack gap="sm">
        <Text size="sm">{t.similarHint}</Text>
        {items.map((item) => (
          <Card
            key={item.trackingCode}
            component="article"
            aria-label={item.trackingCode}
            withBorder
            padding="sm"
          >
            <Stack gap={6}>
              <Text size="sm" fw={600}>
                {fill(t.similarItem, {
                  code: item.trackingCode,
                  metres: item.distanceMetres,
                  date: formatDateTime(item.receivedAt),
                })}
              </Text>
              <Text size="sm" c={item.description ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
                {item.description ?? t.similarNoText}
              </Text>
              {following === item.trackingCode ? (
                <FollowForm code={item.trackingCode} onCancel={() => setFollowing(null)} />
              ) : (
                <Stack gap={4} align="flex-start">
                  <Button size="compact-sm" variant="light" onClick={() => setFollowing(item.trackingCode)}>
                    {t.followInstead}
                  </Button>
                  <Anchor
                    component={Link}
                    to={`/feedback/reports/${encodeURIComponent(item.trackingCode)}`}
                    size="sm"
                  >
                    {fill(t.openReport, { code: item.trackingCode })}
                  </Anchor>
                </Stack>
              )}
            </Stack>
          </Card>
        ))}
      </Stack>
    </Alert>
  );
}
