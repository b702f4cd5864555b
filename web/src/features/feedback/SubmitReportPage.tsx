import { Alert, Button, Fieldset, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { ApiError } from '../../lib/api';
import { fieldErrorsOf, textOrNull } from '../../lib/forms';
import { fill, pick, useLocale, useMessages } from '../../lib/i18n';
import { ContactFields, emptyContact, hasContact, type ContactValues } from './ContactFields';
import { CONSENT_VERSION, submitReport, type LatLng, type SubmitInput, type Submitted } from './feedback.api';
import { FeedbackTabs } from './FeedbackTabs';
import { LocationPicker } from './LocationPicker';
import { rememberOwnerToken } from './owner-tokens';
import { PhotoPicker } from './PhotoPicker';
import { useCategories } from './reference-data';
import { SimilarReports } from './SimilarReports';
import { submitMessages } from './submit.i18n';
import { SubmittedPanel } from './SubmittedPanel';

type Problems = Partial<Record<'category' | 'description' | 'place' | 'consent' | 'phone' | 'email', string>>;

function toInput(
  values: { category: string; description: string; address: string; location: LatLng | null },
  contact: ContactValues,
): SubmitInput {
  const given = hasContact(contact);
  return {
    categoryCode: values.category,
    description: values.description.trim(),
    address: textOrNull(values.address),
    location: values.location,
    ...(given
      ? {
          contact: {
            name: textOrNull(contact.name),
            phone: textOrNull(contact.phone),
            email: textOrNull(contact.email),
          },
          notifyBy: contact.notifyBy,
          consent: contact.consent,
          consentVersion: CONSENT_VERSION,
        }
      : {}),
  };
}

/** `/feedback/new`: the citizen's report, anonymous or with a contact, from a phone or a desk. */
export function SubmitReportPage() {
  const t = useMessages(submitMessages);
  const { locale } = useLocale();
  const categories = useCategories();
  const [category, setCategory] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [location, setLocation] = useState<LatLng | null>(null);
  const [address, setAddress] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const [contact, setContact] = useState<ContactValues>(emptyContact);
  const [problems, setProblems] = useState<Problems>({});
  const [submitted, setSubmitted] = useState<Submitted | null>(null);
  const submit = useMutation({
    mutationFn: submitReport,
    onSuccess: (result) => {
      rememberOwnerToken(result.trackingCode, result.ownerToken);
      setSubmitted(result);
    },
  });
  const active = (categories.data ?? []).filter((item) => item.active);
  const chosen = active.find((item) => item.code === category);
  const server = fieldErrorsOf(submit.error);
  const serverField =
    submit.error instanceof ApiError ? (submit.error.details.field as string | undefined) : undefined;

  const check = (): Problems => ({
    ...(category ? {} : { category: t.required }),
    ...(description.trim() ? {} : { description: t.required }),
    ...(location || address.trim() ? {} : { place: t.placeRequired }),
    ...(hasContact(contact) && !contact.consent ? { consent: t.consentRequired } : {}),
    ...(contact.notifyBy === 'sms' && hasContact(contact) && !contact.phone.trim()
      ? { phone: t.contactNeeded }
      : {}),
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = check();
    setProblems(found);
    if (Object.keys(found).length === 0 && category)
      submit.mutate(toInput({ category, description, address, location }, contact));
  };

  const reset = () => {
    setSubmitted(null);
    setDescription('');
    setLocation(null);
    setAddress('');
    setPhotos([]);
    setContact(emptyContact);
    submit.reset();
  };

  return (
    <Stack gap="md" maw={760}>
      <FeedbackTabs />
      <PageTitle title={t.title} description={t.intro} />
      {submitted ? (
        <SubmittedPanel submitted={submitted} photos={photos} onAnother={reset} />
      ) : (
        <form onSubmit={onSubmit} noValidate aria-label={t.title}>
          <Stack gap="lg">
            <Alert color="red" variant="light" role="note">
              {t.emergency}
            </Alert>
            {categories.isError && <ErrorAlert error={categories.error} />}
            <Fieldset legend={t.whatSection}>
              <Stack gap="sm">
                <Select
                  label={t.category}
                  placeholder={t.categoryPlaceholder}
                  data={active.map((item) => ({
                    value: item.code,
                    label: pick(locale, { vi: item.nameVi, en: item.nameEn }),
                  }))}
                  value={category}
                  onChange={setCategory}
                  searchable
                  required
                  error={problems.category ?? server.categoryCode}
                  description={
                    chosen ? fill(t.categoryDeadline, { days: chosen.deadlineWorkingDays }) : undefined
                  }
                  comboboxProps={{ withinPortal: true }}
                />
                <Textarea
                  label={t.description}
                  description={t.descriptionHint}
                  value={description}
                  onChange={(event) => setDescription(event.currentTarget.value)}
                  required
                  autosize
                  minRows={4}
                  maxLength={4000}
                  error={problems.description ?? server.description}
                />
              </Stack>
            </Fieldset>
            <Fieldset legend={t.whereSection}>
              <Stack gap="sm">
                <Text size="sm" c="dimmed">
                  {t.whereHint}
                </Text>
                <LocationPicker value={location} onChange={setLocation} />
                <TextInput
                  label={t.address}
                  placeholder={t.addressPlaceholder}
                  autoComplete="street-address"
                  value={address}
                  onChange={(event) => setAddress(event.currentTarget.value)}
                  maxLength={500}
                  error={problems.place ?? server.address}
                />
              </Stack>
            </Fieldset>
            <SimilarReports category={category} location={location} text={description} />
            <Fieldset legend={t.photosSection}>
              <PhotoPicker files={photos} onChange={setPhotos} />
            </Fieldset>
            <Fieldset legend={t.contactSection}>
              <ContactFields
                values={contact}
                onChange={setContact}
                errors={{
                  phone: problems.phone ?? (serverField === 'phone' ? submit.error?.message : undefined),
                  email: serverField === 'email' ? submit.error?.message : undefined,
                  consent: problems.consent,
                }}
              />
            </Fieldset>
            {submit.isError && (
              <ErrorAlert
                error={submit.error}
                title={t.submitError}
                shownFields={['categoryCode', 'description', 'address']}
              />
            )}
            <Button type="submit" size="md" loading={submit.isPending} w={{ base: '100%', sm: 'auto' }}>
              {t.submit}
            </Button>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
