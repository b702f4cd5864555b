import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type KeyboardEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fill, useMessages } from '../../lib/i18n';
import { followReport, type NotifyChannel } from './feedback.api';
import { submitMessages } from './submit.i18n';

/** "Follow this report instead": the citizen is told about an existing report rather than filing a twin. */
export function FollowForm({ code, onCancel }: { readonly code: string; readonly onCancel: () => void }) {
  const t = useMessages(submitMessages);
  const [channel, setChannel] = useState<NotifyChannel>('email');
  const [address, setAddress] = useState('');
  const [missing, setMissing] = useState(false);
  const follow = useMutation({ mutationFn: () => followReport(code, { channel, address: address.trim() }) });

  const submit = () => {
    setMissing(!address.trim());
    if (address.trim()) follow.mutate();
  };

  const onEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    submit();
  };

  if (follow.data)
    return (
      <Text size="sm" c="green.9" role="status">
        {fill(follow.data.added ? t.followDone : t.followAlready, { code: follow.data.trackingCode })}
      </Text>
    );
  return (
    // A group, not a <form>: it sits inside the report form, and forms cannot nest (its button would
    // submit the report). Enter in the field follows, as it would in a form of its own.
    <div role="group" aria-label={fill(t.followTitle, { code })}>
      <Stack gap="xs">
        <Text size="sm" fw={500}>
          {fill(t.followTitle, { code })}
        </Text>
        {follow.isError && <ErrorAlert error={follow.error} shownFields={['address']} />}
        <Group gap="xs" align="flex-end" wrap="wrap">
          <NativeSelect
            label={t.followChannel}
            value={channel}
            onChange={(event) => setChannel(event.currentTarget.value as NotifyChannel)}
            data={[
              { value: 'email', label: t.notifyEmail },
              { value: 'sms', label: t.notifySms },
            ]}
          />
          <TextInput
            label={channel === 'email' ? t.email : t.phone}
            type={channel === 'email' ? 'email' : 'tel'}
            value={address}
            onChange={(event) => setAddress(event.currentTarget.value)}
            onKeyDown={onEnter}
            error={missing ? t.required : undefined}
            required
            style={{ flex: '1 1 12rem' }}
          />
        </Group>
        <Group gap="xs">
          <Button size="compact-md" loading={follow.isPending} onClick={submit}>
            {t.followSubmit}
          </Button>
          <Button variant="subtle" size="compact-md" onClick={onCancel}>
            {t.cancel}
          </Button>
        </Group>
      </Stack>
    </div>
  );
}
