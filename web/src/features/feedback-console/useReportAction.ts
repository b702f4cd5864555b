import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fill, useLocale, useMessages } from '../../lib/i18n';
import { actOnReport, feedbackKey, type ReportAction, type StaffReport } from './feedback-console.api';
import { statusLabels } from './feedback-labels';
import { detailMessages } from './report-detail.i18n';

/**
 * One step on a report. On success every feedback list and the report itself reload, and a
 * notification says where the report now stands; a failure stays on the form that caused it.
 */
export function useReportAction(
  report: Pick<StaffReport, 'id' | 'trackingCode'>,
  before?: () => Promise<unknown>,
) {
  const t = useMessages(detailMessages);
  const { locale } = useLocale();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (action: ReportAction) => {
      if (before) await before();
      return actOnReport(report.id, action);
    },
    onSuccess: async (after) => {
      notifications.show({
        color: 'green',
        message: fill(t.done, { code: after.trackingCode, status: statusLabels[locale][after.status] }),
      });
      await client.invalidateQueries({ queryKey: feedbackKey });
    },
  });
}
