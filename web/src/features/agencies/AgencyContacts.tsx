import { Anchor, Group, Text } from '@mantine/core';
import { useMessages } from '../../lib/i18n';
import type { Agency } from './agencies.api';
import { agencyMessages } from './agencies.i18n';

/** Contact points of an agency, each labelled for screen readers and clickable where it makes sense. */
export function AgencyContacts({ agency }: { readonly agency: Agency }) {
  const t = useMessages(agencyMessages);
  const hasAny = agency.phone || agency.email || agency.website || agency.address;
  if (!hasAny) return null;
  return (
    <Group gap="md" wrap="wrap">
      {agency.address && (
        <Text size="sm" c="dimmed">
          <span className="visually-hidden">{t.address}: </span>
          {agency.address}
        </Text>
      )}
      {agency.phone && (
        <Anchor
          size="sm"
          href={`tel:${agency.phone.replace(/[^0-9+]/g, '')}`}
          aria-label={`${t.phone}: ${agency.phone}`}
        >
          {agency.phone}
        </Anchor>
      )}
      {agency.email && (
        <Anchor size="sm" href={`mailto:${agency.email}`} aria-label={`${t.email}: ${agency.email}`}>
          {agency.email}
        </Anchor>
      )}
      {agency.website && (
        <Anchor
          size="sm"
          href={agency.website}
          target="_blank"
          rel="noreferrer"
          aria-label={`${t.website}: ${agency.website}`}
        >
          {agency.website.replace(/^https?:\/\//, '')}
        </Anchor>
      )}
    </Group>
  );
}
