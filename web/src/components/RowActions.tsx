import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useMessages } from '../lib/i18n';
import { commonMessages } from './common.i18n';
import { ConfirmButton } from './ConfirmButton';

export interface RowDelete {
  readonly title: string;
  readonly message: ReactNode;
  readonly onConfirm: () => unknown;
  readonly loading: boolean;
  readonly disabled?: boolean;
}

/**
 * The actions of a table row: the row's own buttons (`children`), then edit and delete. Edit and delete
 * are named after the row for screen readers ("Sửa: Trạm đo mưa"), since every row has the same
 * visible words; delete asks first.
 */
export function RowActions({
  name,
  onEdit,
  editTo,
  remove,
  children,
}: {
  /** What the row is called, as a person would say it. */
  readonly name: string;
  readonly onEdit?: () => void;
  /** Edit on a page of its own instead of in a dialog. */
  readonly editTo?: string;
  readonly remove?: RowDelete;
  readonly children?: ReactNode;
}) {
  const common = useMessages(commonMessages);
  const editLabel = `${common.edit}: ${name}`;
  return (
    <Group gap={6} wrap="nowrap">
      {children}
      {editTo !== undefined ? (
        <Button size="xs" variant="light" component={Link} to={editTo} aria-label={editLabel}>
          {common.edit}
        </Button>
      ) : (
        onEdit && (
          <Button size="xs" variant="light" onClick={onEdit} aria-label={editLabel}>
            {common.edit}
          </Button>
        )
      )}
      {remove && (
        <ConfirmButton
          title={remove.title}
          message={remove.message}
          confirmLabel={common.delete}
          onConfirm={remove.onConfirm}
          loading={remove.loading}
          buttonProps={{ 'aria-label': `${common.delete}: ${name}`, disabled: remove.disabled ?? false }}
        >
          {common.delete}
        </ConfirmButton>
      )}
    </Group>
  );
}
