import type { Term } from 'n3';
import { ns } from '../dcat/dcat.vocab';
import { slugify, type HarvestRecord, type HarvestResource } from './harvest-record';
import type { RdfGraph } from './rdf-graph';

const dcat = (local: string) => `${ns.dcat}${local}`;
const dct = (local: string) => `${ns.dct}${local}`;

/** The last path segment of an IRI (`…/frequency/ANNUAL` → `ANNUAL`, `…/file-type/CSV` → `CSV`). */
function lastSegment(value: string): string {
  return decodeURIComponent(
    value
      .replace(/[/#]+$/, '')
      .split(/[/#]/)
      .pop() ?? '',
  );
}

function iriOrText(term: Term | undefined): string | null {
  if (!term) return null;
  return term.termType === 'NamedNode' || term.termType === 'Literal' ? term.value : null;
}

function formatOf(graph: RdfGraph, node: Term): string {
  const format = graph.first(node, dct('format'));
  if (!format) return '';
  if (format.termType === 'NamedNode') return lastSegment(format.value);
  if (format.termType === 'Literal') return format.value;
  // ckanext-dcat writes dct:format [ a dct:IMT; rdf:value "CSV" ].
  return graph.first(format, `${ns.rdf}value`)?.value ?? '';
}

function mediaTypeOf(graph: RdfGraph, node: Term): string | null {
  const media = iriOrText(graph.first(node, dcat('mediaType')));
  if (!media) return null;
  const match = /media-types\/(.+)$/.exec(media);
  return match?.[1] ?? media;
}

function distribution(graph: RdfGraph, node: Term): HarvestResource | undefined {
  const url =
    iriOrText(graph.first(node, dcat('downloadURL'))) ?? iriOrText(graph.first(node, dcat('accessURL')));
  if (!url) return undefined;
  return {
    name: graph.preferredText(node, dct('title')),
    description: graph.preferredText(node, dct('description')),
    url,
    format: formatOf(graph, node),
    mimetype: mediaTypeOf(graph, node),
  };
}

function temporal(graph: RdfGraph, dataset: Term): { start: string | null; end: string | null } {
  const period = graph.first(dataset, dct('temporal'));
  if (!period) return { start: null, end: null };
  const day = (predicate: string) => graph.first(period, predicate)?.value.slice(0, 10) ?? null;
  return {
    start: day(dcat('startDate')) ?? day('http://schema.org/startDate'),
    end: day(dcat('endDate')) ?? day('http://schema.org/endDate'),
  };
}

function contact(graph: RdfGraph, dataset: Term): { name: string | null; email: string | null } {
  const point = graph.first(dataset, dcat('contactPoint'));
  if (!point) return { name: null, email: null };
  const email = iriOrText(graph.first(point, `${ns.vcard}hasEmail`));
  return { name: graph.preferredText(point, `${ns.vcard}fn`), email: email?.replace(/^mailto:/, '') ?? null };
}

/** The publisher's CKAN-style name (`…/organization/<name>`) or its foaf:name, for the source filter. */
export function publisherNames(graph: RdfGraph, dataset: Term): string[] {
  const publisher = graph.first(dataset, dct('publisher'));
  if (!publisher) return [];
  const names = graph.objects(publisher, `${ns.foaf}name`).map((term) => term.value.toLowerCase());
  return publisher.termType === 'NamedNode' ? [lastSegment(publisher.value).toLowerCase(), ...names] : names;
}

/** A dcat:Dataset node as a harvest record. */
export function dcatRecord(graph: RdfGraph, dataset: Term): HarvestRecord {
  const identifier = graph.first(dataset, dct('identifier'))?.value;
  const remoteId = identifier ?? (dataset.termType === 'NamedNode' ? dataset.value : undefined);
  if (!remoteId) throw new Error('a dataset without dct:identifier or IRI cannot be tracked between runs');
  const title = graph.preferredText(dataset, dct('title')) ?? remoteId;
  const landingPage = iriOrText(graph.first(dataset, dcat('landingPage')));
  const frequency = iriOrText(graph.first(dataset, dct('accrualPeriodicity')));
  const period = temporal(graph, dataset);
  const point = contact(graph, dataset);
  const keywords = graph.objects(dataset, dcat('keyword')).filter((term) => term.termType === 'Literal');
  const themes = graph.objects(dataset, dcat('theme')).filter((term) => term.termType === 'NamedNode');
  return {
    remoteId,
    remoteUrl: landingPage ?? (dataset.termType === 'NamedNode' ? dataset.value : null),
    name: slugify(title) || slugify(remoteId) || 'dataset',
    title,
    titleEn: graph.text(dataset, dct('title'), 'en'),
    notes: graph.preferredText(dataset, dct('description')),
    notesEn: graph.text(dataset, dct('description'), 'en'),
    licenseId: null,
    licenseUrl: iriOrText(graph.first(dataset, dct('license'))),
    tags: [...new Set(keywords.map((term) => term.value))].sort(),
    groups: [...new Set(themes.map((term) => lastSegment(term.value).toLowerCase()))].sort(),
    url: landingPage,
    version:
      graph.first(dataset, dcat('version'))?.value ??
      graph.first(dataset, `${ns.adms}version`)?.value ??
      null,
    author: null,
    authorEmail: null,
    maintainer: point.name,
    maintainerEmail: point.email,
    frequency: frequency ? lastSegment(frequency) : null,
    temporalStart: period.start,
    temporalEnd: period.end,
    spatialCoverage: null,
    extras: [],
    resources: graph
      .objects(dataset, dcat('distribution'))
      .map((node) => distribution(graph, node))
      .filter((resource): resource is HarvestResource => resource !== undefined)
      .sort((a, b) => a.url.localeCompare(b.url)),
  };
}
