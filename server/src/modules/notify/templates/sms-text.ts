/**
 * SMS length rules. A message in the GSM 03.38 alphabet takes 160 characters in one part and 153 per
 * part once split; anything else is sent as UCS-2: 70 in one part, 67 per part. Most Vietnamese letters
 * with diacritics (ạ, ằ, ơ, ư, đ …) are outside GSM-7, so one such letter more than halves a segment —
 * which is why brandname SMS in Vietnam is often sent without diacritics.
 */

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
// Characters of the extension table take two septets (an escape and the character).
const GSM_EXTENSION = '^{}\\[~]|€\f';

const gsmBasic = new Set(GSM_BASIC);
const gsmExtension = new Set(GSM_EXTENSION);

export interface SmsLength {
  readonly encoding: 'gsm7' | 'ucs2';
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  readonly units: number;
  readonly segments: number;
}

function gsmSeptets(text: string): number | null {
  let septets = 0;
  for (const char of text) {
    if (gsmBasic.has(char)) septets += 1;
    else if (gsmExtension.has(char)) septets += 2;
    else return null;
  }
  return septets;
}

export function smsLength(text: string): SmsLength {
  const septets = gsmSeptets(text);
  if (septets !== null) {
    return { encoding: 'gsm7', units: septets, segments: septets <= 160 ? 1 : Math.ceil(septets / 153) };
  }
  const units = text.length;
  return { encoding: 'ucs2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}

/** Vietnamese without diacritics ("Đà Nẵng" → "Da Nang"), which fits GSM-7. */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** Collapses runs of spaces and blank lines, which cost segments and carry nothing on a phone. */
export function compactSmsText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/** Cuts the text so that it fits `maxSegments`, marking the cut with "...". */
export function fitSegments(text: string, maxSegments: number): string {
  if (smsLength(text).segments <= maxSegments) return text;
  let low = 0;
  let high = text.length;
  // Binary search on the kept length; the ASCII ellipsis keeps a GSM-7 text in GSM-7.
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (smsLength(`${text.slice(0, middle).trimEnd()}...`).segments <= maxSegments) low = middle;
    else high = middle - 1;
  }
  return `${text.slice(0, low).trimEnd()}...`;
}
