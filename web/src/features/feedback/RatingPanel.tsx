import { Alert, Button, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ApiError } from '../../lib/api';
import { fill, useMessages } from '../../lib/i18n';
import { feedbackKey, rateReport, ratings, type Rating, type ReportDetail } from './feedback.api';
import { ratingNames } from './feedback.i18n';
import { trackMessages } from './track.i18n';

/**
 * Rating the published answer. The server decides for real (one rating per publication, by the
 * owner token); this panel only says in advance why a rating cannot be given.
 */
export function RatingPanel({
  report,
  token,
}: {
  readonly report: ReportDetail;
  readonly token: string | null;
}) {
  const t = useMessages(trackMessages);
  const names = useMessages(ratingNames);
  const client = useQueryClient();
  const [rating, setRating] = useState<Rating | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const rate = useMutation({
    mutationFn: (value: Rating) =>
      rateReport(report.trackingCode, { rating: value, comment: comment.trim() || null, token: token ?? '' }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...feedbackKey, 'report', report.trackingCode] }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(rating === null);
    if (rating) rate.mutate(rating);
  };

  const body = () => {
    if (rate.data) {
      const value = rate.data.rating ?? rating ?? 'satisfied';
      return (
        <Alert color="green" variant="light" role="status">
          {fill(rate.data.status === 'reopened' ? t.ratedReopened : t.rated, { rating: names[value] })}
        </Alert>
      );
    }
    const alreadyRated =
      (report.status === 'closed' && report.rating !== null) ||
      (rate.error instanceof ApiError && rate.error.code === 'FEEDBACK_ALREADY_RATED');
    if (alreadyRated && report.rating)
      return <Text role="status">{fill(t.alreadyRated, { rating: names[report.rating] })}</Text>;
    const ratable =
      report.publishedAt !== null && (report.status === 'published' || report.status === 'closed');
    if (!ratable) return <Text c="dimmed">{t.notYetRatable}</Text>;
    if (!token) return <Text c="dimmed">{t.needToken}</Text>;
    return (
      <form onSubmit={submit} noValidate aria-labelledby="rate-title">
        <Stack gap="sm">
          <Radio.Group
            label={t.rateIntro}
            value={rating}
            onChange={(value) => setRating(value as Rating)}
            error={missing ? t.rateChoose : undefined}
            required
          >
            <Stack gap={8} mt="xs">
              {ratings.map((value) => (
                <Radio key={value} value={value} label={names[value]} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={t.comment}
            value={comment}
            onChange={(event) => setComment(event.currentTarget.value)}
            maxLength={2000}
            autosize
            minRows={2}
          />
          {rate.isError && <ErrorAlert error={rate.error} title={t.rateError} />}
          <Button type="submit" loading={rate.isPending} w="fit-content">
            {t.rateSubmit}
          </Button>
        </Stack>
      </form>
    );
  };

  return (
    <Stack component="section" aria-labelledby="rate-title" gap="sm" id="rate">
      <Title id="rate-title" order={2} size="h3">
        {t.rateTitle}
      </Title>
      {body()}
    </Stack>
  );
}
