import type { FastifyReply } from 'fastify';
import { XMLBuilder } from 'fast-xml-parser';

/** Open311 answers in the format named by the resource's extension (.xml is the spec's must-have). */
export type Open311Format = 'json' | 'xml';

/**
 * An Open311 error: `[{code, description}]` (or `<errors>` in XML). The HTTP status is one the spec
 * names (400, 403, 404; plus 429 for the rate limit and 500 for a bug); the body's code may be more
 * specific than the status, as the spec allows (413 for an oversize body, 415 for a wrong type).
 */
export class Open311Error extends Error {
  override name = 'Open311Error';

  constructor(
    readonly code: number,
    readonly description: string,
  ) {
    super(description);
  }

  get status(): number {
    return [403, 404, 429, 500].includes(this.code) ? this.code : 400;
  }
}

type XmlValue = string | number | boolean | null | undefined | XmlObject | XmlValue[];
export interface XmlObject {
  [key: string]: XmlValue;
}

const builder = new XMLBuilder({ format: false, suppressEmptyNode: false, processEntities: true });
/** Drops the characters XML 1.0 cannot carry at all; a description pasted from anywhere may hold them. */
function xmlText(text: string): string {
  if (!/[^\u0020-\ufffd]/.test(text)) return text;
  let kept = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const allowed =
      code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code !== 0xfffe && code !== 0xffff);
    if (allowed) kept += char;
  }
  return kept;
}

// A JSON list under one of these keys is, in XML, the plural element holding one singular per item
// (the Spark convention read backwards): "attributes": [..] is <attributes><attribute>..</attribute>.
const singular: Readonly<Record<string, string>> = {
  endpoints: 'endpoint',
  formats: 'format',
  attributes: 'attribute',
  values: 'value',
};

/** Nulls become empty elements, text loses characters XML forbids, nested lists get their wrapper. */
function forXml(value: XmlValue, key = ''): XmlValue {
  if (value === null) return '';
  if (typeof value === 'string') return xmlText(value);
  if (Array.isArray(value)) {
    const items = value.map((item) => forXml(item));
    const child = singular[key];
    return child ? { [child]: items } : items;
  }
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, forXml(inner, name)]));
  }
  return value;
}

export function toXml(root: string, content: XmlObject | string): string {
  const body = builder.build({ [root]: typeof content === 'string' ? content : forXml(content) }) as string;
  return `<?xml version="1.0" encoding="utf-8"?>\n${body}`;
}

/**
 * Sends one Open311 document. `json` is the Spark-convention mapping of the XML: a list is a bare
 * array, an object stays an object. `xml` wraps `json` in `root`, repeating `item` for each entry.
 */
export function sendOpen311(
  reply: FastifyReply,
  format: Open311Format,
  document: { root: string; item?: string; json: XmlObject | XmlObject[] },
  status = 200,
): FastifyReply {
  if (format === 'json') {
    return reply.status(status).type('application/json; charset=utf-8').send(JSON.stringify(document.json));
  }
  const content: XmlObject = Array.isArray(document.json)
    ? { [document.item ?? 'item']: document.json }
    : document.json;
  return reply.status(status).type('text/xml; charset=utf-8').send(toXml(document.root, content));
}

export function sendOpen311Error(
  reply: FastifyReply,
  format: Open311Format,
  error: Open311Error,
): FastifyReply {
  return sendOpen311(
    reply,
    format,
    { root: 'errors', item: 'error', json: [{ code: error.code, description: error.description }] },
    error.status,
  );
}

/** "requests.json" -> ['requests', 'json']; null for any other extension. */
export function splitFormat(file: string): { name: string; format: Open311Format } | null {
  const match = /^(.+)\.(json|xml)$/i.exec(file);
  if (!match?.[1] || !match[2]) return null;
  return { name: match[1], format: match[2].toLowerCase() as Open311Format };
}

/** W3C-DTF in Vietnam time (UTC+7, no daylight saving): 2026-11-23T09:30:00+07:00. */
export function w3c(date: Date | null): string | null {
  if (!date) return null;
  const local = new Date(date.getTime() + 7 * 3_600_000).toISOString().slice(0, 19);
  return `${local}+07:00`;
}
