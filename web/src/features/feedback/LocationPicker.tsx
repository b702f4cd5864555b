import { Button, Group, Stack, Text } from '@mantine/core';
import L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import { fill, useMessages } from '../../lib/i18n';
import type { LatLng } from './feedback.api';
import { cityCentre, createMap, mapBoxStyle } from './feedback-map';
import { submitMessages } from './submit.i18n';

const round = (value: number) => Math.round(value * 1e6) / 1e6;

/**
 * Where the problem is: a tap or click on the map drops the pin. Keyboard and screen-reader users
 * move the map with the arrow keys and put the pin at its centre, or use the device's position.
 */
export function LocationPicker({
  value,
  onChange,
}: {
  readonly value: LatLng | null;
  readonly onChange: (next: LatLng | null) => void;
}) {
  const t = useMessages(submitMessages);
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const pinRef = useRef<L.CircleMarker | null>(null);
  const onChangeRef = useRef(onChange);
  const [locating, setLocating] = useState(false);
  const [geoError, setGeoError] = useState(false);
  useEffect(() => {
    onChangeRef.current = onChange;
  });

  useEffect(() => {
    if (!container.current) return;
    const map = createMap(container.current).setView(cityCentre, 13);
    map.on('click', (event: L.LeafletMouseEvent) =>
      onChangeRef.current({ latitude: round(event.latlng.lat), longitude: round(event.latlng.lng) }),
    );
    mapRef.current = map;
    return () => {
      map.remove();
      mapRef.current = null;
      pinRef.current = null;
    };
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    pinRef.current?.remove();
    pinRef.current = value
      ? L.circleMarker([value.latitude, value.longitude], {
          radius: 10,
          color: '#ffffff',
          weight: 3,
          fillColor: '#c92a2a',
          fillOpacity: 1,
        }).addTo(map)
      : null;
  }, [value]);

  const pinAtCentre = () => {
    const centre = mapRef.current?.getCenter();
    if (centre) onChange({ latitude: round(centre.lat), longitude: round(centre.lng) });
  };

  const useMyPosition = () => {
    if (!('geolocation' in navigator)) return setGeoError(true);
    setLocating(true);
    setGeoError(false);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        const next = {
          latitude: round(position.coords.latitude),
          longitude: round(position.coords.longitude),
        };
        onChange(next);
        mapRef.current?.setView([next.latitude, next.longitude], 17);
      },
      () => {
        setLocating(false);
        setGeoError(true);
      },
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };

  return (
    <Stack gap="xs">
      <div
        ref={container}
        role="region"
        aria-label={t.mapLabel}
        style={{ ...mapBoxStyle, height: 320, touchAction: 'pan-x pan-y' }}
      />
      <Group gap="xs">
        <Button variant="light" size="compact-sm" onClick={pinAtCentre}>
          {t.pinAtCentre}
        </Button>
        <Button variant="light" size="compact-sm" onClick={useMyPosition} loading={locating}>
          {t.myPosition}
        </Button>
        {value && (
          <Button variant="subtle" color="gray" size="compact-sm" onClick={() => onChange(null)}>
            {t.removePin}
          </Button>
        )}
      </Group>
      <Text size="sm" aria-live="polite" c={value ? undefined : 'dimmed'}>
        {value
          ? fill(t.pinned, { lat: value.latitude.toFixed(5), lon: value.longitude.toFixed(5) })
          : t.noPin}
      </Text>
      {geoError && (
        <Text size="sm" c="red.8" role="alert">
          {t.geoError}
        </Text>
      )}
    </Stack>
  );
}
