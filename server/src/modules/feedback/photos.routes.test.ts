import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from '../../../test/app';
import { buildFeedbackTestApp, type FeedbackTestApp } from './testing/test-app';

/** True when an EXIF block's first IFD points to a GPS IFD (tag 0x8825). */
function hasGpsIfd(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  const tiff = exif.subarray(exif.indexOf('Exif\0\0') + 6);
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const ifd0 = little ? tiff.readUInt32LE(4) : tiff.readUInt32BE(4);
  for (let entry = 0; entry < u16(ifd0); entry += 1) if (u16(ifd0 + 2 + entry * 12) === 0x8825) return true;
  return false;
}

async function photoWithGps(format: 'jpeg' | 'png' | 'webp' = 'jpeg'): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#884422' } })
    .toFormat(format)
    .withExif({
      IFD0: { Make: 'TestCam' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '16/1 4/1 3/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '108/1 13/1 12/1',
      },
    })
    .toBuffer();
}

function multipart(files: { name: string; data: Buffer; type: string }[]): {
  body: Buffer;
  contentType: string;
} {
  const boundary = '----citydx-test-boundary';
  const parts = files.map((file) =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    ]),
  );
  return {
    body: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

describe('report photos', () => {
  let f: FeedbackTestApp;
  let code: string;
  let token: string;

  beforeAll(async () => {
    f = await buildFeedbackTestApp({ demo: true });
    const created = await f.app.inject({
      method: 'POST',
      url: '/api/v1/feedback/reports',
      payload: {
        categoryCode: 'giao-thong',
        description: 'Ổ gà lớn',
        location: { latitude: 16.07, longitude: 108.22 },
      },
    });
    ({ trackingCode: code, ownerToken: token } = json<{ trackingCode: string; ownerToken: string }>(created));
  });
  afterAll(() => f.close());

  const upload = (files: { name: string; data: Buffer; type: string }[], reportToken = token) => {
    const { body, contentType } = multipart(files);
    return f.app.inject({
      method: 'POST',
      url: `/api/v1/feedback/reports/${code}/photos`,
      payload: body,
      headers: { 'content-type': contentType, 'x-report-token': reportToken },
    });
  };

  it('keeps the original with its GPS position private and publishes a copy without EXIF', async () => {
    const original = await photoWithGps();
    expect(hasGpsIfd((await sharp(original).metadata()).exif)).toBe(true);
    const response = await upload([{ name: 'o-ga.jpg', data: original, type: 'image/jpeg' }]);
    expect(response.statusCode).toBe(201);
    const [photo] = json<{ id: string; url: string }[]>(response);
    const operator = await f.staff([{ role: 'call_center_operator', agencyId: null }]);
    const published = await f.app.inject({
      method: 'GET',
      url: photo?.url ?? '',
      headers: { authorization: operator },
    });
    expect(published.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(published.rawPayload).metadata();
    expect([meta.exif, meta.width]).toEqual([undefined, 64]);
    const kept = await f.app.inject({
      method: 'GET',
      url: `/api/v1/feedback/staff/photos/${photo?.id}/original`,
      headers: { authorization: operator },
    });
    expect(hasGpsIfd((await sharp(kept.rawPayload).metadata()).exif)).toBe(true);
    // Not public before the answer is published, and the original never is.
    expect((await f.app.inject({ method: 'GET', url: photo?.url ?? '' })).statusCode).toBe(404);
    expect(
      (await f.app.inject({ method: 'GET', url: `/api/v1/feedback/staff/photos/${photo?.id}/original` }))
        .statusCode,
    ).toBe(401);
  });

  it('strips EXIF from PNG and WebP too, keeping their format', async () => {
    const operator = await f.staff([{ role: 'call_center_operator', agencyId: null }]);
    for (const format of ['png', 'webp'] as const) {
      const response = await upload([
        { name: `x.${format}`, data: await photoWithGps(format), type: `image/${format}` },
      ]);
      expect(response.statusCode).toBe(201);
      const copy = await f.app.inject({
        method: 'GET',
        url: json<{ url: string }[]>(response)[0]?.url ?? '',
        headers: { authorization: operator },
      });
      expect(copy.headers['content-type']).toBe(`image/${format}`);
      const meta = await sharp(copy.rawPayload).metadata();
      expect([meta.format, meta.exif]).toEqual([format, undefined]);
    }
  });

  it('checks the type by magic bytes, not by name or declared type', async () => {
    const fake = await upload([
      { name: 'photo.jpg', data: Buffer.from('<html><script>alert(1)</script></html>'), type: 'image/jpeg' },
    ]);
    expect([fake.statusCode, json<{ error: { code: string } }>(fake).error.code]).toEqual([
      415,
      'FEEDBACK_PHOTO_TYPE',
    ]);
    const corrupt = await upload([
      { name: 'x.jpg', data: Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01]), type: 'image/jpeg' },
    ]);
    expect([corrupt.statusCode, json<{ error: { code: string } }>(corrupt).error.code]).toEqual([
      400,
      'FEEDBACK_PHOTO_UNREADABLE',
    ]);
  });

  it('limits size, count, and who may add photos', async () => {
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(10 * 1024 * 1024 + 10)]);
    const tooBig = await upload([{ name: 'big.jpg', data: big, type: 'image/jpeg' }]);
    expect([tooBig.statusCode, json<{ error: { code: string } }>(tooBig).error.code]).toEqual([
      413,
      'FEEDBACK_PHOTO_TOO_LARGE',
    ]);
    const small = await photoWithGps();
    const three = Array.from({ length: 3 }, (_, i) => ({
      name: `${i}.jpg`,
      data: small,
      type: 'image/jpeg',
    }));
    const over = await upload(three);
    expect([over.statusCode, json<{ error: { code: string } }>(over).error.code]).toEqual([
      400,
      'FEEDBACK_TOO_MANY_PHOTOS',
    ]);
    const stranger = await upload(
      [{ name: 'a.jpg', data: small, type: 'image/jpeg' }],
      'not-the-token-of-this-report',
    );
    expect(stranger.statusCode).toBe(403);
    const notMultipart = await f.app.inject({
      method: 'POST',
      url: `/api/v1/feedback/reports/${code}/photos`,
      payload: { photos: [] },
    });
    expect(notMultipart.statusCode).toBe(415);
  });

  it('links the first public photo from Open311 once the answer is published, never before', async () => {
    const report = await f.services.ctx.reports.findByCode(code);
    const first = (await f.services.ctx.photos.firstOf([report?.id ?? ''])).get(report?.id ?? '');
    expect(first).toBeDefined();
    const open311 = async () =>
      [
        await f.app.inject({ method: 'GET', url: `/open311/v2/requests/${code}.json` }),
        await f.app.inject({ method: 'GET', url: `/open311/v2/requests.json?service_request_id=${code}` }),
      ].map((response) => json<{ media_url: string | null }[]>(response)[0]?.media_url);
    expect(await open311()).toEqual([null, null]);
    await f.services.ctx.reports.change(f.services.ctx.platform.db, report?.id ?? '', null, {
      status: 'published',
      publishedAt: 'now',
    });
    const url = `${f.services.ctx.settings.publicUrl.replace(/\/+$/, '')}/api/v1/feedback/photos/${first}`;
    expect(await open311()).toEqual([url, url]);
  });
});
