import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useMessages } from '../lib/i18n';
import { commonMessages } from './common.i18n';

/** A password input whose show/hide button is named in the page's language. */
export function PasswordField(props: PasswordInputProps) {
  const t = useMessages(commonMessages);
  return <PasswordInput {...props} visibilityToggleButtonProps={{ 'aria-label': t.showPassword }} />;
}
