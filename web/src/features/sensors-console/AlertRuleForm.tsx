import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { commonMessages } from '../../components/common.i18n';
import { fieldErrorsOf, textOrNull } from '../../lib/forms';
import { useLocale, useMessages } from '../../lib/i18n';
import {
  alertOperators,
  alertSeverities,
  deviceTypes,
  thresholdOperators,
  windowOperators,
  type AlertOperator,
  type AlertRule,
  type AlertRuleInput,
  type AlertSeverity,
  type DeviceType,
} from './sensors.api';
import { sensorsMessages } from './sensors-console.i18n';
import { deviceTypeLabels, operatorLabels, severityLabels } from './sensors-labels';
import { sta, type StaCollection, type StaNamed } from './sta.api';

type Target = 'datastream' | 'property' | 'deviceType';

const numberOrNull = (value: number | string): number | null =>
  value === '' || value === null || Number.isNaN(Number(value)) ? null : Number(value);

/** Create or change an alert rule: what it watches, how it compares, how severe it is. */
export function AlertRuleForm({
  rule,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  readonly rule: AlertRule | null;
  readonly pending: boolean;
  readonly error: unknown;
  readonly onSubmit: (input: AlertRuleInput) => void;
  readonly onCancel: () => void;
}) {
  const t = useMessages(sensorsMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const [name, setName] = useState(rule?.name ?? '');
  const [description, setDescription] = useState(rule?.description ?? '');
  const [operator, setOperator] = useState<AlertOperator>(rule?.operator ?? 'GT');
  const [severity, setSeverity] = useState<AlertSeverity>(rule?.severity ?? 'warning');
  const [target, setTarget] = useState<Target>(
    rule?.observedPropertyId ? 'property' : rule?.deviceType ? 'deviceType' : 'datastream',
  );
  const [datastreamId, setDatastreamId] = useState<number | string>(rule?.datastreamId ?? '');
  const [propertyId, setPropertyId] = useState<string | null>(
    rule?.observedPropertyId ? String(rule.observedPropertyId) : null,
  );
  const [deviceType, setDeviceType] = useState<DeviceType | null>(rule?.deviceType ?? null);
  const [threshold, setThreshold] = useState<number | string>(rule?.threshold ?? '');
  const [clearThreshold, setClearThreshold] = useState<number | string>(rule?.clearThreshold ?? '');
  const [windowMinutes, setWindowMinutes] = useState<number | string>(rule?.windowMinutes ?? '');
  const [minDuration, setMinDuration] = useState<number | string>(rule?.minDurationSeconds ?? 0);
  const [active, setActive] = useState(rule?.active ?? true);
  const [missing, setMissing] = useState(false);
  const fieldErrors = fieldErrorsOf(error);

  const properties = useQuery({
    queryKey: ['sensors', 'sta', 'observed-properties'],
    queryFn: () =>
      sta<StaCollection<StaNamed>>('ObservedProperties', {
        query: { $select: 'id,name,description', $top: 1000 },
      }),
    staleTime: 5 * 60_000,
  });

  const deviceOperator = operator === 'DEVICE_OFFLINE';
  const effectiveTarget: Target = deviceOperator ? 'deviceType' : target;
  const needsThreshold = thresholdOperators.includes(operator);
  const needsWindow = windowOperators.includes(operator);
  const hasClear = ['GT', 'GTE', 'LT', 'LTE', 'CHANGE_DELTA'].includes(operator);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setMissing(true);
      return;
    }
    onSubmit({
      name: name.trim(),
      description: textOrNull(description),
      operator,
      severity,
      datastreamId: effectiveTarget === 'datastream' ? numberOrNull(datastreamId) : null,
      observedPropertyId: effectiveTarget === 'property' && propertyId ? Number(propertyId) : null,
      deviceType: effectiveTarget === 'deviceType' ? deviceType : null,
      threshold: needsThreshold ? numberOrNull(threshold) : null,
      clearThreshold: hasClear ? numberOrNull(clearThreshold) : null,
      windowMinutes: needsWindow ? numberOrNull(windowMinutes) : null,
      minDurationSeconds: numberOrNull(minDuration) ?? 0,
      active,
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {common.requiredHint}
        </Text>
        <TextInput
          label={t.name}
          required
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={missing && !name.trim() ? common.required : fieldErrors.name}
          maxLength={200}
        />
        <Textarea
          label={t.description}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          autosize
          minRows={2}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t.operator}
            required
            allowDeselect={false}
            value={operator}
            onChange={(value) => value && setOperator(value as AlertOperator)}
            data={alertOperators.map((value) => ({ value, label: operatorLabels[locale][value] }))}
            error={fieldErrors.operator}
          />
          <Select
            label={t.severity}
            required
            allowDeselect={false}
            value={severity}
            onChange={(value) => value && setSeverity(value as AlertSeverity)}
            data={alertSeverities.map((value) => ({ value, label: severityLabels[locale][value] }))}
          />
        </SimpleGrid>
        {!deviceOperator && (
          <Select
            label={t.target}
            allowDeselect={false}
            value={target}
            onChange={(value) => value && setTarget(value as Target)}
            data={[
              { value: 'datastream', label: t.targetDatastream },
              { value: 'property', label: t.targetProperty },
              { value: 'deviceType', label: t.targetDeviceType },
            ]}
          />
        )}
        {effectiveTarget === 'datastream' && (
          <NumberInput
            label={t.datastreamId}
            value={datastreamId}
            onChange={setDatastreamId}
            min={1}
            allowDecimal={false}
            error={fieldErrors.datastreamId}
          />
        )}
        {effectiveTarget === 'property' && (
          <Select
            label={t.observedProperty}
            value={propertyId}
            onChange={setPropertyId}
            searchable
            data={(properties.data?.value ?? []).map((property) => ({
              value: String(property['@iot.id']),
              label: property.description ? `${property.name} – ${property.description}` : property.name,
            }))}
            error={fieldErrors.observedPropertyId}
          />
        )}
        {effectiveTarget === 'deviceType' && (
          <Select
            label={t.deviceType}
            placeholder={deviceOperator ? t.anyDevice : undefined}
            clearable={deviceOperator}
            value={deviceType}
            onChange={(value) => setDeviceType(value as DeviceType | null)}
            data={deviceTypes.map((value) => ({ value, label: deviceTypeLabels[locale][value] }))}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {needsThreshold && (
            <NumberInput
              label={t.threshold}
              required
              value={threshold}
              onChange={setThreshold}
              decimalSeparator="."
              error={fieldErrors.threshold}
            />
          )}
          {hasClear && (
            <NumberInput
              label={t.clearThreshold}
              description={t.clearThresholdHint}
              value={clearThreshold}
              onChange={setClearThreshold}
              decimalSeparator="."
              error={fieldErrors.clearThreshold}
            />
          )}
          {needsWindow && (
            <NumberInput
              label={t.windowMinutes}
              required
              value={windowMinutes}
              onChange={setWindowMinutes}
              min={1}
              max={10080}
              allowDecimal={false}
              error={fieldErrors.windowMinutes}
            />
          )}
          <NumberInput
            label={t.minDuration}
            value={minDuration}
            onChange={setMinDuration}
            min={0}
            max={86400}
            allowDecimal={false}
          />
        </SimpleGrid>
        <Checkbox
          label={t.active}
          checked={active}
          onChange={(event) => setActive(event.currentTarget.checked)}
        />
        <ErrorAlert
          error={error}
          shownFields={[
            'name',
            'operator',
            'datastreamId',
            'observedPropertyId',
            'threshold',
            'clearThreshold',
            'windowMinutes',
          ]}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {common.cancel}
          </Button>
          <Button type="submit" loading={pending}>
            {common.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
