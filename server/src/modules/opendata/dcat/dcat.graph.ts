import { DataFactory, type Quad, type Quad_Object, type Quad_Subject } from 'n3';
import type { PackageDict } from '../ckan/package.presenter';
import {
  fileTypeUri,
  frequencyUri,
  languageEn,
  languageVi,
  mediaTypeUri,
  ns,
  themeOfGroup,
  type Prefix,
} from './dcat.vocab';

const { namedNode, literal, blankNode, quad } = DataFactory;

export function term(prefix: Prefix, local: string) {
  return namedNode(`${ns[prefix]}${local}`);
}

/** Absolute http(s) URLs only: anything else would not be a valid IRI in the output. */
function iri(value: string | null | undefined) {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? namedNode(url.href) : undefined;
  } catch {
    return undefined;
  }
}

/** CKAN timestamps are UTC without a zone; xsd:dateTime wants one. */
function dateTime(ckan: string | null) {
  return ckan ? literal(`${ckan}Z`, term('xsd', 'dateTime')) : undefined;
}

/** Collects triples, skipping absent objects so optional fields need no branches. */
export class Triples {
  readonly quads: Quad[] = [];
  #blankNodes = 0;

  /** A blank node labelled per document, so the same dataset always serialises the same way. */
  blank() {
    this.#blankNodes += 1;
    return blankNode(`b${this.#blankNodes}`);
  }

  add(
    subject: Quad_Subject,
    predicate: ReturnType<typeof term>,
    object: Quad_Object | undefined | null,
  ): void {
    if (object) this.quads.push(quad(subject, predicate, object));
  }

  text(
    subject: Quad_Subject,
    predicate: ReturnType<typeof term>,
    value: string | null | undefined,
    lang: 'vi' | 'en',
  ): void {
    if (value && value.trim() !== '') this.add(subject, predicate, literal(value, lang));
  }
}

export function datasetUri(base: string, id: string) {
  return namedNode(`${base}/dataset/${id}`);
}

function addDistribution(
  t: Triples,
  base: string,
  dataset: Quad_Subject,
  pkg: PackageDict,
  resource: PackageDict['resources'][number],
): void {
  const node = namedNode(`${base}/dataset/${pkg.id}/resource/${resource.id}`);
  t.add(dataset, term('dcat', 'distribution'), node);
  t.add(node, term('rdf', 'type'), term('dcat', 'Distribution'));
  t.text(node, term('dct', 'title'), resource.name, 'vi');
  t.text(node, term('dct', 'description'), resource.description, 'vi');
  t.add(node, term('dcat', 'accessURL'), iri(resource.url));
  if (resource.url_type === 'upload') t.add(node, term('dcat', 'downloadURL'), iri(resource.url));
  const fileType = fileTypeUri(resource.format);
  t.add(node, term('dct', 'format'), fileType ? namedNode(fileType) : undefined);
  if (resource.mimetype) t.add(node, term('dcat', 'mediaType'), namedNode(mediaTypeUri(resource.mimetype)));
  if (resource.size !== null)
    t.add(node, term('dcat', 'byteSize'), literal(String(resource.size), term('xsd', 'nonNegativeInteger')));
  t.add(node, term('dct', 'license'), iri(pkg.license_url));
  t.add(node, term('dct', 'issued'), dateTime(resource.created));
  t.add(node, term('dct', 'modified'), dateTime(resource.last_modified ?? resource.metadata_modified));
  if (/^[0-9a-f]{64}$/.test(resource.hash)) {
    const checksum = t.blank();
    t.add(node, term('spdx', 'checksum'), checksum);
    t.add(checksum, term('rdf', 'type'), term('spdx', 'Checksum'));
    t.add(checksum, term('spdx', 'algorithm'), term('spdx', 'checksumAlgorithm_sha256'));
    t.add(checksum, term('spdx', 'checksumValue'), literal(resource.hash, term('xsd', 'hexBinary')));
  }
}

function addPublisher(t: Triples, base: string, dataset: Quad_Subject, pkg: PackageDict): void {
  if (!pkg.organization) return;
  const publisher = namedNode(`${base}/organization/${pkg.organization.name}`);
  t.add(dataset, term('dct', 'publisher'), publisher);
  t.add(publisher, term('rdf', 'type'), term('foaf', 'Organization'));
  t.text(publisher, term('foaf', 'name'), pkg.organization.title, 'vi');
  t.text(publisher, term('foaf', 'name'), pkg.organization.title_en, 'en');
}

function addCoverage(t: Triples, base: string, dataset: Quad_Subject, pkg: PackageDict): void {
  if (pkg.temporal_start || pkg.temporal_end) {
    const period = t.blank();
    t.add(dataset, term('dct', 'temporal'), period);
    t.add(period, term('rdf', 'type'), term('dct', 'PeriodOfTime'));
    if (pkg.temporal_start)
      t.add(period, term('dcat', 'startDate'), literal(pkg.temporal_start, term('xsd', 'date')));
    if (pkg.temporal_end)
      t.add(period, term('dcat', 'endDate'), literal(pkg.temporal_end, term('xsd', 'date')));
  }
  if (pkg.spatial_coverage)
    t.add(
      dataset,
      term('dct', 'spatial'),
      namedNode(`${base}/api/v1/admin-units/${encodeURIComponent(pkg.spatial_coverage)}`),
    );
  if (pkg.frequency)
    t.add(dataset, term('dct', 'accrualPeriodicity'), namedNode(frequencyUri(pkg.frequency)));
}

/** DCAT-AP 3 triples of one dataset with its distributions, publisher, themes and coverage. */
export function datasetTriples(t: Triples, base: string, pkg: PackageDict): void {
  const node = datasetUri(base, pkg.id);
  t.add(node, term('rdf', 'type'), term('dcat', 'Dataset'));
  t.add(node, term('dct', 'identifier'), literal(pkg.id));
  t.text(node, term('dct', 'title'), pkg.title, 'vi');
  t.text(node, term('dct', 'title'), pkg.title_en, 'en');
  t.text(node, term('dct', 'description'), pkg.notes, 'vi');
  t.text(node, term('dct', 'description'), pkg.notes_en, 'en');
  for (const tag of pkg.tags) t.text(node, term('dcat', 'keyword'), tag.name, 'vi');
  for (const group of pkg.groups) {
    const theme = themeOfGroup[group.name];
    if (theme) t.add(node, term('dcat', 'theme'), namedNode(theme));
    t.add(node, term('dcat', 'theme'), namedNode(`${base}/group/${group.name}`));
  }
  t.add(node, term('dct', 'issued'), dateTime(pkg.metadata_created));
  t.add(node, term('dct', 'modified'), dateTime(pkg.metadata_modified));
  t.add(node, term('dct', 'language'), namedNode(languageVi));
  if (pkg.title_en) t.add(node, term('dct', 'language'), namedNode(languageEn));
  t.add(node, term('dcat', 'landingPage'), iri(`${base}/data/${pkg.name}`));
  t.add(node, term('dct', 'license'), iri(pkg.license_url));
  if (pkg.version) t.add(node, term('dcat', 'version'), literal(pkg.version));
  addPublisher(t, base, node, pkg);
  addCoverage(t, base, node, pkg);
  if (pkg.maintainer || pkg.maintainer_email) {
    const contact = t.blank();
    t.add(node, term('dcat', 'contactPoint'), contact);
    t.add(contact, term('rdf', 'type'), term('vcard', 'Organization'));
    t.text(contact, term('vcard', 'fn'), pkg.maintainer ?? pkg.organization?.title, 'vi');
    if (pkg.maintainer_email)
      t.add(contact, term('vcard', 'hasEmail'), namedNode(`mailto:${pkg.maintainer_email}`));
  }
  for (const resource of pkg.resources) addDistribution(t, base, node, pkg, resource);
}

export interface CatalogPage {
  readonly page: number;
  readonly perPage: number;
  readonly total: number;
  /** The URL of this listing without `page` (…/catalog.ttl). */
  readonly listingUrl: string;
}

/** The dcat:Catalog and its Hydra paging (ckanext-dcat's terms and Hydra's current ones). */
export function catalogTriples(
  t: Triples,
  base: string,
  packages: readonly PackageDict[],
  paging: CatalogPage,
): void {
  const catalog = namedNode(`${base}/`);
  t.add(catalog, term('rdf', 'type'), term('dcat', 'Catalog'));
  t.text(catalog, term('dct', 'title'), 'Cổng dữ liệu mở thành phố Đà Nẵng', 'vi');
  t.text(catalog, term('dct', 'title'), 'Da Nang City Open Data Portal', 'en');
  t.text(catalog, term('dct', 'description'), 'Dữ liệu mở của các cơ quan, đơn vị thành phố Đà Nẵng.', 'vi');
  t.text(catalog, term('dct', 'description'), 'Open data published by the agencies of Da Nang city.', 'en');
  t.add(catalog, term('foaf', 'homepage'), iri(`${base}/data`));
  t.add(catalog, term('dct', 'language'), namedNode(languageVi));
  for (const pkg of packages) t.add(catalog, term('dcat', 'dataset'), datasetUri(base, pkg.id));
  const last = Math.max(1, Math.ceil(paging.total / paging.perPage));
  const pageUrl = (page: number) => namedNode(`${paging.listingUrl}?page=${page}`);
  const collection = pageUrl(paging.page);
  t.add(collection, term('rdf', 'type'), term('hydra', 'PagedCollection'));
  t.add(collection, term('hydra', 'totalItems'), literal(String(paging.total), term('xsd', 'integer')));
  t.add(collection, term('hydra', 'itemsPerPage'), literal(String(paging.perPage), term('xsd', 'integer')));
  for (const [name, legacy, page] of [
    ['first', 'firstPage', 1],
    ['last', 'lastPage', last],
    ['next', 'nextPage', paging.page < last ? paging.page + 1 : undefined],
    ['previous', 'previousPage', paging.page > 1 ? Math.min(paging.page - 1, last) : undefined],
  ] as const) {
    if (page === undefined) continue;
    t.add(collection, term('hydra', name), pageUrl(page));
    t.add(collection, term('hydra', legacy), pageUrl(page));
  }
  for (const pkg of packages) datasetTriples(t, base, pkg);
}
