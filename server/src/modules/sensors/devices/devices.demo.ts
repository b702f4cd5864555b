import { sql } from 'kysely';
import type { Actor, AuditLog } from '../../../platform/audit/audit';
import type { Db } from '../../../platform/db/database';

/**
 * The seed facts (docs/data-sources.md, "Operations centre cameras" and "Public wifi"): Đà Nẵng's
 * operations centre watches 200 smart traffic cameras, 1,800 security cameras and 34,500 cameras
 * contributed by citizens and businesses; the city runs 430 free public wifi access points.
 */
export const seededFleet = {
  traffic_camera: 200,
  security_camera: 1800,
  contributed_camera: 34_500,
  wifi_access_point: 430,
} as const;

/**
 * Approximate anchors in the twelve urban wards of the former city (after 1 July 2025), only to
 * scatter generated samples near the right ward. Not boundaries and not a source: see
 * docs/data-sources/devices.md.
 */
const wardAnchors: readonly [code: string, latitude: number, longitude: number][] = [
  ['20194', 16.125, 108.13], // Hải Vân
  ['20197', 16.085, 108.145], // Liên Chiểu
  ['20200', 16.065, 108.165], // Hòa Khánh
  ['20209', 16.066, 108.19], // Thanh Khê
  ['20242', 16.06, 108.217], // Hải Châu
  ['20257', 16.03, 108.215], // Hòa Cường
  ['20260', 16.012, 108.195], // Cẩm Lệ
  ['20263', 16.09, 108.245], // Sơn Trà
  ['20275', 16.062, 108.238], // An Hải
  ['20285', 16.0, 108.255], // Ngũ Hành Sơn
  ['20305', 16.053, 108.178], // An Khê
  ['20314', 15.995, 108.225], // Hòa Xuân
];

// Deterministic "random" numbers in [0, 1) from the row number (the shader hash), so every fresh
// install shows the same sample map without a session-wide setseed().
const hashed = (salt: number) => sql`abs(sin(i * 12.9898 + ${salt * 78.233}::float8)) * 43758.5453`;
const fraction = (salt: number) => sql`(${hashed(salt)} - floor(${hashed(salt)}))`;

/** One INSERT … SELECT generate_series per type: 36,930 rows in one transaction. */
function insertSamples(
  type: keyof typeof seededFleet,
  naming: { vi: string; stream: string | null; access: 'public' | 'operators' | 'owner' },
) {
  const anchors = sql.join(
    wardAnchors.map(
      ([code, lat, lon], index) => sql`(${index}::int, ${code}::text, ${lat}::float8, ${lon}::float8)`,
    ),
  );
  const contributed = type === 'contributed_camera';
  return sql`
    with anchors (n, code, lat, lon) as (values ${anchors}),
    generated as (
      select i, ${fraction(1)} as u1, ${fraction(2)} as u2, ${fraction(3)} as u3, ${fraction(4)} as u4
      from generate_series(1, ${seededFleet[type]}::int) as i)
    insert into sensors.devices (type, name, admin_unit_code, latitude, longitude, stream_url,
      stream_access, owner_kind, owner_name, consent_at, consent_reference, monitored,
      heartbeat_interval_seconds, status, last_seen_at, status_changed_at, is_sample, note)
    select ${type}, format(${naming.vi}, lpad(i::text, 5, '0')), a.code,
      a.lat + (u1 - 0.5) * 0.024, a.lon + (u2 - 0.5) * 0.024,
      ${naming.stream === null ? sql`null` : sql`${naming.stream} || i`},
      ${naming.access},
      ${contributed ? sql`case when i % 3 = 0 then 'business' else 'citizen' end` : sql`'city'`},
      ${contributed ? sql`case when i % 3 = 0 then 'Doanh nghiệp (mẫu)' else 'Người dân (mẫu)' end` : sql`null`},
      ${contributed ? sql`now()` : sql`null`},
      ${contributed ? sql`'Mẫu / sample'` : sql`null`},
      false, 30,
      case when u3 < 0.9 then 'online' else 'offline' end,
      case when u3 < 0.9 then now() - make_interval(secs => u4 * 30)
        else now() - make_interval(hours => 1 + (u4 * 48)::int) end,
      now(), true,
      'Dữ liệu mẫu do hệ thống sinh ra, không phải thiết bị thật. / Generated sample, not a real device.'
    from generated join anchors a on a.n = i % ${wardAnchors.length}`;
}

/** Loads the sample fleet once (skipped when any sample device exists); returns the rows inserted. */
export async function loadDeviceSamples(db: Db, audit: AuditLog, actor: Actor): Promise<number> {
  const existing = await sql<{
    n: number;
  }>`select count(*) as n from sensors.devices where is_sample`.execute(db);
  if (Number(existing.rows[0]?.n ?? 0) > 0) return 0;
  return db.transaction().execute(async (trx) => {
    const statements = [
      insertSamples('traffic_camera', {
        vi: 'Camera giao thông thông minh %s (mẫu)',
        stream: 'https://camera.example.invalid/traffic/',
        access: 'public',
      }),
      insertSamples('security_camera', {
        vi: 'Camera an ninh %s (mẫu)',
        stream: 'rtsp://camera.example.invalid/security/',
        access: 'operators',
      }),
      insertSamples('contributed_camera', {
        vi: 'Camera đóng góp %s (mẫu)',
        stream: 'rtsp://camera.example.invalid/contributed/',
        access: 'owner',
      }),
      insertSamples('wifi_access_point', {
        vi: 'Điểm wifi công cộng miễn phí %s (mẫu)',
        stream: null,
        access: 'operators',
      }),
    ];
    let inserted = 0;
    for (const statement of statements)
      inserted += Number((await statement.execute(trx)).numAffectedRows ?? 0);
    await audit.record(trx, actor, {
      action: 'sensors.device.samples_loaded',
      targetType: 'device',
      summary: { count: inserted, ...seededFleet },
    });
    return inserted;
  });
}
