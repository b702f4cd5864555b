/**
 * Resource format and media type from a file name, URL or declared media type, the way CKAN fills
 * `format` (upper-case, "CSV") and `mimetype` when the publisher leaves them empty.
 */
const byExtension: Readonly<Record<string, readonly [format: string, mimetype: string]>> = {
  csv: ['CSV', 'text/csv'],
  tsv: ['TSV', 'text/tab-separated-values'],
  json: ['JSON', 'application/json'],
  geojson: ['GeoJSON', 'application/geo+json'],
  jsonld: ['JSON-LD', 'application/ld+json'],
  xml: ['XML', 'application/xml'],
  rdf: ['RDF', 'application/rdf+xml'],
  ttl: ['TTL', 'text/turtle'],
  xlsx: ['XLSX', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  xls: ['XLS', 'application/vnd.ms-excel'],
  ods: ['ODS', 'application/vnd.oasis.opendocument.spreadsheet'],
  pdf: ['PDF', 'application/pdf'],
  doc: ['DOC', 'application/msword'],
  docx: ['DOCX', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  zip: ['ZIP', 'application/zip'],
  kml: ['KML', 'application/vnd.google-earth.kml+xml'],
  shp: ['SHP', 'application/octet-stream'],
  txt: ['TXT', 'text/plain'],
  html: ['HTML', 'text/html'],
  htm: ['HTML', 'text/html'],
  png: ['PNG', 'image/png'],
  jpg: ['JPEG', 'image/jpeg'],
  jpeg: ['JPEG', 'image/jpeg'],
  parquet: ['Parquet', 'application/vnd.apache.parquet'],
};

const byMimetype: Readonly<Record<string, string>> = Object.fromEntries(
  Object.values(byExtension).map(([format, mimetype]) => [mimetype, format]),
);

function extensionOf(nameOrUrl: string): string | undefined {
  const path = nameOrUrl.split(/[?#]/)[0] ?? '';
  const last = path.split('/').pop() ?? '';
  const dot = last.lastIndexOf('.');
  return dot > 0 ? last.slice(dot + 1).toLowerCase() : undefined;
}

/** `{format, mimetype}` guessed from the name's extension, then from the declared media type. */
export function detectFormat(
  nameOrUrl: string,
  declaredMimetype?: string | null,
): { format: string; mimetype: string | null } {
  const extension = extensionOf(nameOrUrl);
  const known = extension ? byExtension[extension] : undefined;
  if (known) return { format: known[0], mimetype: known[1] };
  const mime = declaredMimetype?.split(';')[0]?.trim().toLowerCase();
  if (mime && mime !== 'application/octet-stream') return { format: byMimetype[mime] ?? '', mimetype: mime };
  return { format: extension ? extension.toUpperCase() : '', mimetype: null };
}

/** True for resources the DataStore can load (CSV / TSV). */
export function isTabular(format: string, mimetype: string | null): boolean {
  return ['CSV', 'TSV'].includes(format.toUpperCase()) || mimetype === 'text/csv';
}

/** A file name safe in a blob key and a URL: ASCII letters, digits, `.`, `-`, `_`. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const ascii = base
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 120);
  return ascii === '' ? 'file' : ascii;
}
