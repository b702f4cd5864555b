import { Modal, type ModalProps } from '@mantine/core';
import { useMessages } from '../lib/i18n';
import { commonMessages } from './common.i18n';

/** Mantine's Modal with a named close button (its default is an unlabelled icon). */
export function FormModal(props: ModalProps) {
  const t = useMessages(commonMessages);
  return (
    <Modal size="lg" {...props} closeButtonProps={{ 'aria-label': t.close, ...props.closeButtonProps }} />
  );
}
