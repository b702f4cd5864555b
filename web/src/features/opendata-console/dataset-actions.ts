import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fill, useMessages } from '../../lib/i18n';
import { commonMessages } from '../../components/common.i18n';
import { opendataKey } from '../opendata/opendata.api';
import type { CkanPackage } from '../opendata/opendata.types';
import { deletePackage, patchPackage } from './publish.api';
import { publishMessages } from './publish.i18n';

/** Publish (draft → active), back to draft, and delete, each announced and refreshing every list. */
export function useDatasetActions(onDeleted?: () => void) {
  const t = useMessages(publishMessages);
  const common = useMessages(commonMessages);
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: opendataKey });
  const onError = (error: Error) =>
    notifications.show({ color: 'red', title: common.errorTitle, message: error.message });
  const setState = useMutation({
    mutationFn: ({ dataset, state }: { dataset: CkanPackage; state: 'active' | 'draft' }) =>
      patchPackage(dataset.id, { state }),
    onSuccess: async (saved) => {
      notifications.show({
        color: 'green',
        message: fill(saved.state === 'active' ? t.published : t.unpublished, { title: saved.title }),
      });
      await refresh();
    },
    onError,
  });
  const remove = useMutation({
    mutationFn: (dataset: CkanPackage) => deletePackage(dataset.id),
    onSuccess: async (_result, dataset) => {
      notifications.show({ color: 'green', message: fill(t.deleted, { title: dataset.title }) });
      onDeleted?.();
      await refresh();
    },
    onError,
  });
  return { setState, remove };
}
