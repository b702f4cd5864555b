import { sql, type Kysely } from 'kysely';
import { recordObservations, type ObservationInput } from './observations.service';
import { sampleAreas, sampleKinds } from './sensors.demo-catalog';
import { createEntity } from './sta/sta.create';

const SAMPLE_NOTE =
  'Dữ liệu mẫu do hệ thống sinh ra, không phải trạm thật. / Generated sample, not a real station.';
const STEP_MINUTES = 15;
const BATCH = 5000;

// A deterministic pseudo-random sequence: every fresh install shows the same sample stations.
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/**
 * Sample stations inside Đà Nẵng (air quality, water level, rain, traffic counts), each clearly
 * labelled as a sample, with a day of observations every 15 minutes so reads show data. Registry rows
 * go in one transaction; observations in multi-row batches through recordObservations.
 */
export async function loadSensorsDemo(db: Kysely<unknown>, now = new Date()): Promise<void> {
  const existing = await sql<{ n: number }>`select count(*) as n from sensors.things`.execute(db);
  if (Number(existing.rows[0]?.n ?? 0) > 0) return;
  const random = seededRandom(511);
  const streams: { id: number; value: (hour: number, noise: number) => number }[] = [];
  await db.transaction().execute(async (trx) => {
    for (const kind of sampleKinds) {
      const sensorId = await createEntity(
        trx,
        'Sensor',
        {
          name: kind.sensor.name,
          description: `${kind.sensor.description}. ${SAMPLE_NOTE}`,
          encodingType: 'text/plain',
          metadata: 'Dữ liệu mẫu: không có tài liệu kỹ thuật của thiết bị thật.',
          properties: { isSample: true },
        },
        {},
      );
      const propertyIds = new Map<string, number>();
      for (const quantity of kind.quantities)
        propertyIds.set(
          quantity.key,
          await createEntity(
            trx,
            'ObservedProperty',
            {
              name: quantity.key,
              definition: quantity.definition,
              description: quantity.label,
              properties: { isSample: true },
            },
            {},
          ),
        );
      for (let index = 0; index < kind.count; index += 1) {
        const area = sampleAreas[index % sampleAreas.length] ?? 'Đà Nẵng';
        const station = random();
        // Central Đà Nẵng, roughly 15.98–16.10 N, 108.14–108.25 E.
        const coordinates = [108.14 + random() * 0.11, 15.98 + random() * 0.12].map(
          (c) => Math.round(c * 1e5) / 1e5,
        );
        const name = `${kind.thingName} mẫu số ${index + 1} (${area})`;
        const thingId = await createEntity(
          trx,
          'Thing',
          {
            name,
            description: `${name}. ${SAMPLE_NOTE}`,
            properties: {
              isSample: true,
              note: SAMPLE_NOTE,
              dataModel: kind.sdmType,
              deviceCategory: ['sensor'],
              controlledProperty: kind.quantities.map((quantity) => quantity.key),
              areaServed: area,
            },
            Locations: [
              {
                name: `Vị trí ${name}`,
                description: `Vị trí mẫu, khu vực ${area}, Đà Nẵng (dữ liệu mẫu)`,
                encodingType: 'application/geo+json',
                location: { type: 'Point', coordinates },
              },
            ],
          },
          {},
        );
        for (const quantity of kind.quantities) {
          const datastreamId = await createEntity(
            trx,
            'Datastream',
            {
              name: `${quantity.label} – ${name}`,
              description: `${quantity.label} đo tại ${name} (dữ liệu mẫu)`,
              observationType: quantity.observationType,
              unitOfMeasurement: quantity.unit,
              properties: { isSample: true },
              Sensor: { '@iot.id': sensorId },
              ObservedProperty: { '@iot.id': propertyIds.get(quantity.key) },
            },
            { Thing: thingId },
          );
          streams.push({ id: datastreamId, value: (hour, noise) => quantity.value(hour, noise, station) });
        }
      }
    }
  });
  await loadSampleObservations(db, streams, now, random);
}

async function loadSampleObservations(
  db: Kysely<unknown>,
  streams: readonly { id: number; value: (hour: number, noise: number) => number }[],
  now: Date,
  random: () => number,
): Promise<void> {
  const end = Math.floor(now.getTime() / (STEP_MINUTES * 60_000)) * STEP_MINUTES * 60_000;
  const steps = (24 * 60) / STEP_MINUTES;
  const rows: ObservationInput[] = [];
  for (const stream of streams) {
    for (let step = steps - 1; step >= 0; step -= 1) {
      const time = new Date(end - step * STEP_MINUTES * 60_000);
      const hour = (time.getUTCHours() + 7 + time.getUTCMinutes() / 60) % 24; // Asia/Ho_Chi_Minh
      rows.push({
        datastreamId: stream.id,
        phenomenonTime: time,
        resultTime: time,
        result: stream.value(hour, random()),
      });
    }
  }
  for (let start = 0; start < rows.length; start += BATCH)
    await recordObservations(db, rows.slice(start, start + BATCH));
}
