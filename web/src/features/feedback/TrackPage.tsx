import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { useMessages } from '../../lib/i18n';
import { FeedbackTabs } from './FeedbackTabs';
import { normaliseCode } from './tracking-code';
import { trackMessages } from './track.i18n';

/** `/feedback/track`: a code in, the report's page out. */
export function TrackPage() {
  const t = useMessages(trackMessages);
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const normalised = normaliseCode(code);
    setInvalid(normalised === null);
    if (normalised) void navigate(`/feedback/reports/${encodeURIComponent(normalised)}`);
  };

  return (
    <Stack gap="md" maw={640}>
      <FeedbackTabs />
      <PageTitle title={t.title} description={t.intro} />
      <form onSubmit={submit} noValidate role="search" aria-label={t.title}>
        <Group align="flex-start" gap="sm">
          <TextInput
            label={t.codeLabel}
            placeholder={t.codePlaceholder}
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            error={invalid ? t.codeInvalid : undefined}
            autoCapitalize="characters"
            autoComplete="off"
            required
            style={{ flex: '1 1 14rem' }}
          />
          <Button type="submit" mt={{ base: 0, xs: 25 }}>
            {t.search}
          </Button>
        </Group>
      </form>
    </Stack>
  );
}
