import jsonld from 'jsonld';
import { Writer, type Quad } from 'n3';
import { jsonldContext, ns } from './dcat.vocab';
import { writeRdfXml } from './rdfxml';

export const dcatFormats = {
  ttl: 'text/turtle; charset=utf-8',
  jsonld: 'application/ld+json; charset=utf-8',
  rdf: 'application/rdf+xml; charset=utf-8',
} as const;
export type DcatFormat = keyof typeof dcatFormats;

function write(quads: readonly Quad[], format: 'Turtle' | 'N-Quads'): Promise<string> {
  const writer = new Writer(format === 'Turtle' ? { format, prefixes: { ...ns } } : { format });
  writer.addQuads([...quads]);
  return new Promise((resolve, reject) =>
    writer.end((error, result: string) => (error ? reject(error) : resolve(result))),
  );
}

/** Turtle (n3's writer), JSON-LD (jsonld: fromRDF, then compacted with the DCAT prefixes) or RDF/XML. */
export async function serialize(quads: readonly Quad[], format: DcatFormat): Promise<string> {
  if (format === 'ttl') return write(quads, 'Turtle');
  if (format === 'rdf') return writeRdfXml(quads);
  const expanded = await jsonld.fromRDF(await write(quads, 'N-Quads'), { format: 'application/n-quads' });
  const compacted = await jsonld.compact(expanded, jsonldContext);
  return JSON.stringify(compacted);
}
