import { Button, Group, Stack, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type RefObject } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EmptyBlock, LoadingBlock } from '../../components/StatusBlocks';
import { useMessages } from '../../lib/i18n';
import { callerReports, feedbackKey } from './feedback-console.api';
import { consoleMessages } from './feedback-console.i18n';
import { ReportsTable } from './ReportsTable';

/**
 * The caller's number, first thing on the call: Enter looks up their earlier reports (the operator can
 * tell them where an old one stands instead of filing a duplicate). The same number fills the contact.
 */
export function CallerLookup({
  phone,
  onPhoneChange,
  inputRef,
}: {
  readonly phone: string;
  readonly onPhoneChange: (phone: string) => void;
  readonly inputRef: RefObject<HTMLInputElement | null>;
}) {
  const t = useMessages(consoleMessages);
  const [looked, setLooked] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const history = useQuery({
    queryKey: [...feedbackKey, 'caller', looked],
    queryFn: () => callerReports(looked ?? ''),
    enabled: looked !== null,
  });
  const lookUp = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = phone.trim();
    // The API's own rule for the path: digits and + ( ) . - and spaces, 6 to 30 characters.
    const valid = /^[0-9 +().-]{6,30}$/.test(trimmed);
    setInvalid(!valid);
    if (valid) setLooked(trimmed);
  };
  return (
    <Stack gap="sm">
      <form onSubmit={lookUp} role="search" aria-label={t.callerPhone}>
        <Group align="flex-end" gap="sm">
          <TextInput
            ref={inputRef}
            label={t.callerPhone}
            description={t.callerHint}
            type="tel"
            autoComplete="off"
            value={phone}
            onChange={(event) => onPhoneChange(event.currentTarget.value)}
            error={invalid ? t.callerPhoneInvalid : undefined}
            w={280}
          />
          <Button type="submit" variant="light">
            {t.lookup}
          </Button>
        </Group>
      </form>
      {looked !== null && (
        <Stack component="section" aria-labelledby="caller-history" gap="xs">
          <Title id="caller-history" order={2} size="h4">
            {t.callerHistory}
          </Title>
          {history.isPending && <LoadingBlock />}
          {history.isError && <ErrorAlert error={history.error} />}
          {history.data && history.data.length === 0 && <EmptyBlock title={t.callerNone} />}
          {history.data && history.data.length > 0 && <ReportsTable reports={history.data} />}
        </Stack>
      )}
    </Stack>
  );
}
