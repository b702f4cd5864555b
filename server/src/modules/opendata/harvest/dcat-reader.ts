import { ns } from '../dcat/dcat.vocab';
import { dcatRecord, publisherNames } from './dcat-record';
import { fetchDocument, HarvestFetchError, isHttpUrl, type FetchLimits } from './fetch-limited';
import { parseRdfDocument } from './rdf-document';
import { RdfGraph } from './rdf-graph';
import type { ReadItem, SourceToRead } from './source-reader';

const ACCEPT = 'text/turtle, application/ld+json;q=0.9, application/rdf+xml;q=0.8, */*;q=0.1';
const MAX_PAGES = 10_000;

/** The next page's URL: Hydra's `next` or the older `nextPage` ckanext-dcat writes. */
function nextPage(graph: RdfGraph, current: string): string | undefined {
  const link = [...graph.anyObjects(`${ns.hydra}next`), ...graph.anyObjects(`${ns.hydra}nextPage`)][0];
  if (!link) return undefined;
  const url = new URL(link.value, current).href;
  return isHttpUrl(url) ? url : undefined;
}

async function readPage(url: string, limits: FetchLimits): Promise<RdfGraph> {
  const document = await fetchDocument(url, ACCEPT, limits);
  let graph: RdfGraph;
  try {
    graph = new RdfGraph(await parseRdfDocument(document));
  } catch (error) {
    throw new HarvestFetchError(`${url}: ${(error as Error).message}`);
  }
  const isCatalog = graph.subjectsOfType(`${ns.dcat}Catalog`).length > 0;
  if (!isCatalog && graph.subjectsOfType(`${ns.dcat}Dataset`).length === 0)
    throw new HarvestFetchError(`${url}: not a DCAT catalog (no dcat:Catalog, no dcat:Dataset)`);
  return graph;
}

/**
 * Reads a DCAT catalog (Turtle, JSON-LD or RDF/XML) and follows its Hydra paging to the last page.
 * A page that cannot be fetched or parsed fails the whole read: a partial list would delete the rest.
 */
export function dcatReader(limits: FetchLimits) {
  return async function* readDcat(source: SourceToRead): AsyncGenerator<ReadItem> {
    const visited = new Set<string>();
    const wanted = source.sourceOrganization?.toLowerCase() ?? null;
    let url: string | undefined = source.url;
    while (url && !visited.has(url)) {
      if (visited.size >= MAX_PAGES)
        throw new HarvestFetchError(`${source.url}: more than ${MAX_PAGES} pages`);
      visited.add(url);
      const graph = await readPage(url, limits);
      for (const dataset of graph.subjectsOfType(`${ns.dcat}Dataset`)) {
        if (wanted && !publisherNames(graph, dataset).includes(wanted)) continue;
        try {
          yield { kind: 'record', record: dcatRecord(graph, dataset) };
        } catch (error) {
          const title = graph.preferredText(dataset, `${ns.dct}title`) ?? dataset.value;
          yield { kind: 'invalid', remoteId: dataset.value, title, message: (error as Error).message };
        }
      }
      url = nextPage(graph, url);
    }
  };
}
