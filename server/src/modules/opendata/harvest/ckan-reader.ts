import { ckanRecord, isPublicActive } from './ckan-record';
import { fetchDocument, HarvestFetchError, type FetchLimits } from './fetch-limited';
import { textOrNull } from './harvest-record';
import type { ReadItem, SourceToRead } from './source-reader';

const PAGE_ROWS = 100;
// A source that keeps answering full pages past this is broken (or hostile): stop rather than loop.
const MAX_PAGES = 10_000;

type Dict = Record<string, unknown>;

/** The portal's root from what an admin pasted: `https://x/`, `https://x/api/3` or `…/api/3/action`. */
export function portalRoot(url: string): string {
  return url.replace(/\/+$/, '').replace(/\/api(\/3)?(\/action)?$/, '');
}

async function callAction(root: string, action: string, params: Record<string, string>, limits: FetchLimits) {
  const query = new URLSearchParams(params).toString();
  const url = `${root}/api/3/action/${action}${query ? `?${query}` : ''}`;
  const document = await fetchDocument(url, 'application/json', limits);
  let envelope: { success?: unknown; result?: unknown };
  try {
    envelope = JSON.parse(document.body) as typeof envelope;
  } catch {
    throw new HarvestFetchError(`${url}: the answer is not JSON`);
  }
  if (envelope.success !== true) throw new HarvestFetchError(`${url}: the portal answered success=false`);
  return envelope.result;
}

function itemOf(pkg: Dict, root: string): ReadItem | undefined {
  if (!isPublicActive(pkg)) return undefined;
  try {
    return { kind: 'record', record: ckanRecord(pkg, root) };
  } catch (error) {
    const remoteId = textOrNull(pkg.id) ?? textOrNull(pkg.name) ?? '?';
    return {
      kind: 'invalid',
      remoteId,
      title: textOrNull(pkg.title) ?? remoteId,
      message: String((error as Error).message),
    };
  }
}

function inOrganization(pkg: Dict, organization: string | null): boolean {
  if (!organization) return true;
  const org = pkg.organization as { name?: unknown } | null | undefined;
  return org?.name === organization;
}

/** package_search, `rows` at a time from `start` 0 until a short page (CKAN's own harvester does the same). */
async function* bySearch(source: SourceToRead, limits: FetchLimits): AsyncGenerator<ReadItem> {
  const root = portalRoot(source.url);
  const seen = new Set<string>();
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const params: Record<string, string> = {
      rows: String(PAGE_ROWS),
      start: String(page * PAGE_ROWS),
      sort: 'name asc',
    };
    if (source.sourceOrganization) params.fq = `organization:${source.sourceOrganization}`;
    const result = (await callAction(root, 'package_search', params, limits)) as { results?: unknown } | null;
    const results = Array.isArray(result?.results) ? (result.results as Dict[]) : undefined;
    if (!results) throw new HarvestFetchError(`${root}: package_search gave no results list`);
    for (const pkg of results) {
      const id = String(pkg.id ?? '');
      // A dataset published while we page shifts the pages: each is mirrored once.
      if (seen.has(id)) continue;
      seen.add(id);
      if (!inOrganization(pkg, source.sourceOrganization)) continue;
      const item = itemOf(pkg, root);
      if (item) yield item;
    }
    if (results.length < PAGE_ROWS) return;
  }
  throw new HarvestFetchError(`${root}: more than ${MAX_PAGES} pages`);
}

/** package_list, then package_show of each: for portals that do not offer package_search. */
async function* byList(source: SourceToRead, limits: FetchLimits): AsyncGenerator<ReadItem> {
  const root = portalRoot(source.url);
  const names = await callAction(root, 'package_list', {}, limits);
  if (!Array.isArray(names)) throw new HarvestFetchError(`${root}: package_list gave no list`);
  for (const name of names) {
    if (typeof name !== 'string') continue;
    let pkg: Dict;
    try {
      pkg = (await callAction(root, 'package_show', { id: name }, limits)) as Dict;
    } catch (error) {
      yield { kind: 'invalid', remoteId: name, title: name, message: String((error as Error).message) };
      continue;
    }
    if (!inOrganization(pkg, source.sourceOrganization)) continue;
    const item = itemOf(pkg, root);
    if (item) yield item;
  }
}

/**
 * Reads a CKAN portal anonymously through its Action API: package_search pages, or package_list +
 * package_show when the first search call fails (some portals switch search off).
 */
export function ckanReader(limits: FetchLimits) {
  return async function* readCkan(source: SourceToRead): AsyncGenerator<ReadItem> {
    let first = true;
    try {
      for await (const item of bySearch(source, limits)) {
        first = false;
        yield item;
      }
    } catch (error) {
      // Only a search that never worked falls back; a failure half-way through is the run's failure.
      if (!first || !(error instanceof HarvestFetchError) || error.kind !== 'answered') throw error;
      yield* byList(source, limits);
    }
  };
}
