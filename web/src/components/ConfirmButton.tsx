import { Button, Group, Text, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { FormModal } from './FormModal';
import { useMessages } from '../lib/i18n';
import { commonMessages } from './common.i18n';

/** A destructive action that asks first; the dialog traps focus and Escape cancels. */
export function ConfirmButton({
  children,
  title,
  message,
  confirmLabel,
  onConfirm,
  loading,
  buttonProps,
}: {
  readonly children: ReactNode;
  readonly title: string;
  readonly message: ReactNode;
  readonly confirmLabel: string;
  readonly onConfirm: () => unknown;
  readonly loading?: boolean;
  readonly buttonProps?: ButtonProps & { 'aria-label'?: string };
}) {
  const t = useMessages(commonMessages);
  const [opened, { open, close }] = useDisclosure(false);
  const confirm = async () => {
    try {
      await Promise.resolve(onConfirm());
    } finally {
      close();
    }
  };
  return (
    <>
      <Button color="red" variant="light" size="xs" {...buttonProps} onClick={open}>
        {children}
      </Button>
      <FormModal opened={opened} onClose={close} title={title} centered size="md">
        <Text mb="lg">{message}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t.cancel}
          </Button>
          <Button color="red" onClick={() => void confirm()} loading={loading ?? false} data-autofocus>
            {confirmLabel}
          </Button>
        </Group>
      </FormModal>
    </>
  );
}
