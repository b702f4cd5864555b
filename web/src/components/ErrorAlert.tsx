import { Alert, List } from '@mantine/core';
import { ApiError } from '../lib/api';
import { useMessages } from '../lib/i18n';
import { commonMessages } from './common.i18n';

/**
 * A readable error: the server's localised message, plus the validation problems that no form field
 * showed itself (`shownFields` lists the fields a form already displays next to the input).
 */
export function ErrorAlert({
  error,
  shownFields = [],
  title,
}: {
  readonly error: unknown;
  readonly shownFields?: readonly string[];
  /** A heading that says what failed, e.g. "Could not sign in"; a generic one otherwise. */
  readonly title?: string;
}) {
  const t = useMessages(commonMessages);
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const rest =
    error instanceof ApiError
      ? error.fields.filter((field) => !shownFields.includes(field.path.split('/').filter(Boolean)[0] ?? ''))
      : [];
  return (
    <Alert color="red" title={title ?? t.errorTitle} role="alert" variant="light">
      {message}
      {rest.length > 0 && (
        <List size="sm" mt="xs">
          {rest.map((field) => (
            <List.Item key={`${field.location}${field.path}`}>
              {field.path === '/' ? field.location : field.path.replace(/^\//, '')}: {field.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
