/** Namespaces of DCAT-AP 3 and the controlled vocabularies it uses (EU Publications Office). */
export const ns = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  spdx: 'http://spdx.org/rdf/terms#',
  hydra: 'http://www.w3.org/ns/hydra/core#',
  adms: 'http://www.w3.org/ns/adms#',
} as const;

export type Prefix = keyof typeof ns;

const EU = 'http://publications.europa.eu/resource/authority';

/** EU "data theme" of our topic groups (DCAT-AP's mandatory theme vocabulary). */
export const themeOfGroup: Readonly<Record<string, string>> = {
  economy: `${EU}/data-theme/ECON`,
  population: `${EU}/data-theme/SOCI`,
  health: `${EU}/data-theme/HEAL`,
  education: `${EU}/data-theme/EDUC`,
  transport: `${EU}/data-theme/TRAN`,
  environment: `${EU}/data-theme/ENVI`,
  tourism: `${EU}/data-theme/ECON`,
  government: `${EU}/data-theme/GOVE`,
  technology: `${EU}/data-theme/TECH`,
  energy: `${EU}/data-theme/ENER`,
  agriculture: `${EU}/data-theme/AGRI`,
  justice: `${EU}/data-theme/JUST`,
  culture: `${EU}/data-theme/EDUC`,
};

export function frequencyUri(code: string): string {
  return `${EU}/frequency/${code === 'CONT' ? 'CONT' : code}`;
}

export function fileTypeUri(format: string): string | undefined {
  const code = format.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
  return code === '' ? undefined : `${EU}/file-type/${code === 'GEOJSON' ? 'GEOJSON' : code}`;
}

export function mediaTypeUri(mimetype: string): string {
  return `https://www.iana.org/assignments/media-types/${mimetype}`;
}

export const languageVi = `${EU}/language/VIE`;
export const languageEn = `${EU}/language/ENG`;

/** The JSON-LD context the .jsonld documents are compacted with: the prefixes above. */
export const jsonldContext: Record<string, string> = { ...ns };
