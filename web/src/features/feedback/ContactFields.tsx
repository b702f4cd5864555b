import { Checkbox, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMessages } from '../../lib/i18n';
import type { NotifyChannel } from './feedback.api';
import { submitMessages } from './submit.i18n';

export interface ContactValues {
  readonly name: string;
  readonly phone: string;
  readonly email: string;
  readonly notifyBy: NotifyChannel;
  readonly consent: boolean;
}

export const emptyContact: ContactValues = {
  name: '',
  phone: '',
  email: '',
  notifyBy: 'email',
  consent: false,
};

/** A contact is given once there is a way to reach the citizen (a name alone reaches nobody). */
export function hasContact(values: ContactValues): boolean {
  return Boolean(values.phone.trim() || values.email.trim());
}

/** Optional contact details, and the consent the server requires whenever they are given. */
export function ContactFields({
  values,
  onChange,
  errors,
}: {
  readonly values: ContactValues;
  readonly onChange: (next: ContactValues) => void;
  readonly errors: Readonly<Record<string, string | undefined>>;
}) {
  const t = useMessages(submitMessages);
  const set = <K extends keyof ContactValues>(key: K, value: ContactValues[K]) =>
    onChange({ ...values, [key]: value });
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t.contactHint}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t.name}
          autoComplete="name"
          value={values.name}
          onChange={(event) => set('name', event.currentTarget.value)}
        />
        <TextInput
          label={t.phone}
          type="tel"
          autoComplete="tel"
          inputMode="tel"
          value={values.phone}
          onChange={(event) => set('phone', event.currentTarget.value)}
          error={errors.phone}
        />
        <TextInput
          label={t.email}
          type="email"
          autoComplete="email"
          value={values.email}
          onChange={(event) => set('email', event.currentTarget.value)}
          error={errors.email}
        />
      </SimpleGrid>
      {hasContact(values) && (
        <>
          <NativeSelect
            label={t.notifyBy}
            value={values.notifyBy}
            onChange={(event) => set('notifyBy', event.currentTarget.value as NotifyChannel)}
            data={[
              { value: 'email', label: t.notifyEmail },
              { value: 'sms', label: t.notifySms },
            ]}
            maw={280}
          />
          <Checkbox
            label={t.consent}
            checked={values.consent}
            onChange={(event) => set('consent', event.currentTarget.checked)}
            error={errors.consent}
          />
        </>
      )}
    </Stack>
  );
}
