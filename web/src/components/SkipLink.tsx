import { defineMessages, useMessages } from '../lib/i18n';

const messages = defineMessages({ skip: 'Bỏ qua, đến nội dung chính' }, { skip: 'Skip to main content' });

/** The first focusable element on every page: jumps keyboard users past the navigation. */
export function SkipLink() {
  const t = useMessages(messages);
  return (
    <a className="skip-link" href="#main">
      {t.skip}
    </a>
  );
}
