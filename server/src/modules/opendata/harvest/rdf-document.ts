import jsonld from 'jsonld';
import { Parser, type Quad } from 'n3';
import type { FetchedDocument } from './fetch-limited';
import { parseRdfXml } from './rdfxml-reader';

type Syntax = 'turtle' | 'jsonld' | 'rdfxml';

/** The syntax from the media type, else from the first characters (servers often say text/plain). */
export function syntaxOf(document: FetchedDocument): Syntax {
  const type = document.contentType.toLowerCase();
  if (type.includes('turtle') || type.includes('n-triples') || type.includes('n3')) return 'turtle';
  if (type.includes('ld+json') || type.includes('/json')) return 'jsonld';
  if (type.includes('rdf+xml') || type.includes('/xml')) return 'rdfxml';
  const body = document.body.trimStart();
  if (body.startsWith('{') || body.startsWith('[')) return 'jsonld';
  // An XML declaration or tag (`<rdf:RDF `), not a Turtle IRI (`<http://…>`).
  if (/^<(\?xml|[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?[\s/>])/.test(body)) return 'rdfxml';
  return 'turtle';
}

// Remote @context documents are not fetched: a catalog must be readable from the one URL given.
const refuseRemoteContexts = (url: string): Promise<never> =>
  Promise.reject(new Error(`remote JSON-LD context ${url} is not fetched; inline the context`));

async function jsonldQuads(text: string, base: string): Promise<Quad[]> {
  let document: object;
  try {
    document = JSON.parse(text) as object;
  } catch (error) {
    throw new Error(`malformed JSON-LD: ${(error as Error).message}`);
  }
  const nquads = (await jsonld.toRDF(
    document as jsonld.JsonLdDocument,
    {
      format: 'application/n-quads',
      base,
      documentLoader: refuseRemoteContexts,
    } as jsonld.Options.ToRdf,
  )) as unknown as string;
  return new Parser({ format: 'N-Quads' }).parse(nquads);
}

/** Every triple of a DCAT document in Turtle, JSON-LD or RDF/XML; a malformed one throws with the reason. */
export async function parseRdfDocument(document: FetchedDocument): Promise<Quad[]> {
  const syntax = syntaxOf(document);
  try {
    if (syntax === 'jsonld') return await jsonldQuads(document.body, document.url);
    if (syntax === 'rdfxml') return parseRdfXml(document.body, document.url);
    return new Parser({ baseIRI: document.url }).parse(document.body);
  } catch (error) {
    const message = (error as Error).message;
    throw new Error(message.startsWith('malformed') ? message : `malformed ${syntax}: ${message}`);
  }
}
