// The server's pattern (feedback.schema.ts TrackingCode): PA-<year>-<at least six digits>.
const TRACKING_CODE = /^PA-\d{4}-\d{6,}$/;

/**
 * A typed code as the API wants it: trimmed, upper case, spaces and odd dashes tolerated
 * ("pa 2026 000123", "PA–2026–000123"). Null when it cannot be a tracking code.
 */
export function normaliseCode(raw: string): string | null {
  const code = raw
    .trim()
    .toUpperCase()
    .replace(/[\s\u2010-\u2015_.]+/g, '-')
    .replace(/-+/g, '-');
  return TRACKING_CODE.test(code) ? code : null;
}
