import { Button } from '@mantine/core';
import { useLocale } from '../lib/i18n';

/** Names the other language in that language (and marks it with lang) so its speakers recognise it. */
export function LanguageSwitch({
  variant = 'subtle',
}: {
  readonly variant?: 'subtle' | 'default' | 'white';
}) {
  const { locale, setLocale } = useLocale();
  const next = locale === 'vi' ? 'en' : 'vi';
  return (
    <Button
      variant={variant}
      size="compact-sm"
      onClick={() => setLocale(next)}
      lang={next}
      aria-label={next === 'en' ? 'English' : 'Tiếng Việt'}
    >
      {next === 'en' ? 'English' : 'Tiếng Việt'}
    </Button>
  );
}
