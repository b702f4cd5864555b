import jsonld from 'jsonld';
import { Parser, type Quad } from 'n3';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type TestApp } from '../../../../test/app';
import { buildOpendataTestApp } from '../opendata.test-app';
import { callAction, opendataFixture, type Envelope, type OpendataFixture } from '../testing/fixtures';
import { ns } from './dcat.vocab';

const BASE = 'https://data.example.vn';
const has = (quads: Quad[], s: string | null, p: string, o?: string, lang?: string) =>
  quads.some(
    (q) =>
      (s === null || q.subject.value === s) &&
      q.predicate.value === p &&
      (o === undefined || q.object.value === o) &&
      (lang === undefined || (q.object.termType === 'Literal' && q.object.language === lang)),
  );

/** Reads back the flat RDF/XML our writer produces as triples (subject, predicate, object value). */
function rdfXmlTriples(xml: string): [string, string, string][] {
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    isArray: () => true,
  }).parse(xml) as Record<string, Record<string, unknown>[]>;
  const root = parsed['rdf:RDF']?.[0] ?? {};
  const prefixes = Object.fromEntries(
    Object.entries(root)
      .filter(([k]) => k.startsWith('@xmlns:'))
      .map(([k, v]) => [k.slice(7), String(v)]),
  );
  const triples: [string, string, string][] = [];
  for (const description of (root['rdf:Description'] ?? []) as Record<string, unknown>[]) {
    const subject = String(description['@rdf:about'] ?? `_:${String(description['@rdf:nodeID'])}`);
    for (const [key, values] of Object.entries(description)) {
      if (key.startsWith('@')) continue;
      const [prefix = '', local = ''] = key.split(':');
      for (const value of values as (Record<string, unknown> | string)[]) {
        const object =
          typeof value === 'string' ? value : String(value['@rdf:resource'] ?? value['#text'] ?? '');
        triples.push([subject, `${prefixes[prefix]}${local}`, object]);
      }
    }
  }
  return triples;
}

describe('DCAT-AP 3 documents', () => {
  let t: TestApp;
  let f: OpendataFixture;
  let id: string;
  const get = (url: string) => t.citydx.app.inject({ method: 'GET', url });

  beforeAll(async () => {
    t = await buildOpendataTestApp({ PUBLIC_URL: BASE });
    f = await opendataFixture(t);
    await callAction(t, 'group_create', { name: 'population', title: 'Dân số' }, { token: f.admin });
    const created = await callAction(
      t,
      'package_create',
      {
        name: 'dan-so',
        title: 'Dân số Đà Nẵng',
        title_en: 'Da Nang population',
        notes: 'Theo phường',
        notes_en: 'By ward',
        owner_org: f.agencyA.name,
        license_id: 'cc-by-4.0',
        tags: [{ name: 'dân số' }],
        groups: [{ name: 'population' }],
        frequency: 'ANNUAL',
        temporal_start: '2024-01-01',
        temporal_end: '2024-12-31',
        spatial_coverage: '48',
        resources: [{ name: 'CSV', url: 'https://files.example.vn/dan-so.csv', format: 'CSV' }],
      },
      { token: f.publisherA },
    );
    id = json<Envelope<{ id: string }>>(created).result.id;
    for (let i = 0; i < 101; i += 1)
      await callAction(
        t,
        'package_create',
        { name: `bo-${String(i).padStart(3, '0')}`, owner_org: f.agencyA.name },
        { token: f.publisherA },
      );
  });
  afterAll(() => t.close());

  it('writes a dataset as Turtle that parses back into the DCAT-AP triples', async () => {
    const response = await get(`/dataset/${id}.ttl`);
    expect(response.headers['content-type']).toContain('text/turtle');
    const quads = new Parser().parse(response.body);
    const dataset = `${BASE}/dataset/${id}`;
    const distribution = `${BASE}/dataset/${id}/resource/`;
    expect(has(quads, dataset, `${ns.rdf}type`, `${ns.dcat}Dataset`)).toBe(true);
    expect(has(quads, dataset, `${ns.dct}title`, 'Dân số Đà Nẵng', 'vi')).toBe(true);
    expect(has(quads, dataset, `${ns.dct}title`, 'Da Nang population', 'en')).toBe(true);
    expect(has(quads, dataset, `${ns.dcat}keyword`, 'dân số', 'vi')).toBe(true);
    expect(
      has(
        quads,
        dataset,
        `${ns.dcat}theme`,
        'http://publications.europa.eu/resource/authority/data-theme/SOCI',
      ),
    ).toBe(true);
    expect(has(quads, dataset, `${ns.dct}publisher`, `${BASE}/organization/${f.agencyA.name}`)).toBe(true);
    expect(
      has(
        quads,
        dataset,
        `${ns.dct}accrualPeriodicity`,
        'http://publications.europa.eu/resource/authority/frequency/ANNUAL',
      ),
    ).toBe(true);
    const distributions = quads.filter(
      (q) => q.subject.value === dataset && q.predicate.value === `${ns.dcat}distribution`,
    );
    expect(distributions).toHaveLength(1);
    expect(distributions[0]?.object.value.startsWith(distribution)).toBe(true);
    const node = distributions[0]?.object.value ?? '';
    expect(has(quads, node, `${ns.dcat}accessURL`, 'https://files.example.vn/dan-so.csv')).toBe(true);
    expect(has(quads, node, `${ns.dct}license`, 'https://creativecommons.org/licenses/by/4.0/')).toBe(true);
    expect((await get(`/dataset/dan-so.ttl`)).body).toBe(response.body);
  });

  it('writes JSON-LD that jsonld.toRDF turns into the same triples as the Turtle', async () => {
    const document = JSON.parse((await get(`/dataset/${id}.jsonld`)).body) as object;
    const nquads = (await jsonld.toRDF(document, { format: 'application/n-quads' })) as unknown as string;
    const fromJsonld = new Parser({ format: 'N-Quads' }).parse(nquads);
    const fromTurtle = new Parser().parse((await get(`/dataset/${id}.ttl`)).body);
    expect(fromJsonld.length).toBe(fromTurtle.length);
    expect(has(fromJsonld, `${BASE}/dataset/${id}`, `${ns.dct}title`, 'Dân số Đà Nẵng', 'vi')).toBe(true);
  });

  it('writes well-formed RDF/XML with the same triples', async () => {
    const response = await get(`/dataset/${id}.rdf`);
    expect(response.headers['content-type']).toContain('application/rdf+xml');
    expect(XMLValidator.validate(response.body)).toBe(true);
    const triples = rdfXmlTriples(response.body);
    expect(triples).toContainEqual([`${BASE}/dataset/${id}`, `${ns.rdf}type`, `${ns.dcat}Dataset`]);
    expect(triples).toContainEqual([`${BASE}/dataset/${id}`, `${ns.dct}title`, 'Dân số Đà Nẵng']);
    expect(triples.length).toBe(new Parser().parse((await get(`/dataset/${id}.ttl`)).body).length);
  });

  it('pages the catalog 100 datasets at a time with Hydra links', async () => {
    const first = new Parser().parse((await get('/catalog.ttl')).body);
    const catalogDatasets = first.filter(
      (q) => q.subject.value === `${BASE}/` && q.predicate.value === `${ns.dcat}dataset`,
    );
    expect(catalogDatasets).toHaveLength(100);
    const paging = `${BASE}/catalog.ttl?page=1`;
    expect(has(first, paging, `${ns.rdf}type`, `${ns.hydra}PagedCollection`)).toBe(true);
    expect(has(first, paging, `${ns.hydra}totalItems`, '102')).toBe(true);
    expect(has(first, paging, `${ns.hydra}next`, `${BASE}/catalog.ttl?page=2`)).toBe(true);
    expect(has(first, paging, `${ns.hydra}last`, `${BASE}/catalog.ttl?page=2`)).toBe(true);
    expect(has(first, paging, `${ns.hydra}first`, `${BASE}/catalog.ttl?page=1`)).toBe(true);
    const second = new Parser().parse((await get('/catalog.ttl?page=2')).body);
    expect(second.filter((q) => q.predicate.value === `${ns.dcat}dataset`)).toHaveLength(2);
    const jsonldCatalog = await get('/catalog.jsonld?page=2');
    expect(jsonldCatalog.statusCode).toBe(200);
    expect(XMLValidator.validate((await get('/catalog.rdf')).body)).toBe(true);
    expect((await get('/catalog.ttl?page=zero')).statusCode).toBe(400);
    expect((await get('/dataset/nope.ttl')).statusCode).toBe(404);
  });
});
