import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { fill, useMessages } from '../../lib/i18n';
import { RoleGate } from '../../app/RequireAuth';
import { CallerLookup } from './CallerLookup';
import { consoleMessages } from './feedback-console.i18n';
import { feedbackKey, type StaffReport } from './feedback-console.api';
import { hubRoles } from './feedback-labels';
import { OperatorReportForm } from './OperatorReportForm';

/** Call-centre entry: look the caller up, record what they report, read them the tracking code. */
export function CallCenterPage() {
  const t = useMessages(consoleMessages);
  const client = useQueryClient();
  const phoneInput = useRef<HTMLInputElement>(null);
  const [phone, setPhone] = useState('');
  const [submitted, setSubmitted] = useState<StaffReport | null>(null);
  // A new form per call: the key resets every field at once.
  const [call, setCall] = useState(0);
  const codeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (submitted) codeRef.current?.focus();
    else phoneInput.current?.focus();
  }, [submitted, call]);

  const newCall = () => {
    setSubmitted(null);
    setPhone('');
    setCall((n) => n + 1);
  };

  return (
    <RoleGate roles={hubRoles}>
      <Stack>
        <PageTitle title={t.callTitle} description={t.callIntro} />
        {submitted ? (
          <Alert color="teal" variant="light" title={t.submitted} ref={codeRef} tabIndex={-1} role="status">
            <Stack gap="sm">
              <Text fz={28} fw={700} data-testid="tracking-code">
                {fill(t.codeIs, { code: submitted.trackingCode })}
              </Text>
              <Text size="sm">{t.codeHint}</Text>
              <Group>
                <Button onClick={newCall}>{t.newCall}</Button>
                <Button variant="default" component={Link} to={`/console/feedback/reports/${submitted.id}`}>
                  {t.openReport}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : (
          <Paper withBorder p="md" key={call}>
            <Stack gap="lg">
              <CallerLookup phone={phone} onPhoneChange={setPhone} inputRef={phoneInput} />
              <OperatorReportForm
                phone={phone}
                onSubmitted={(report) => {
                  setSubmitted(report);
                  void client.invalidateQueries({ queryKey: feedbackKey });
                }}
              />
            </Stack>
          </Paper>
        )}
      </Stack>
    </RoleGate>
  );
}
