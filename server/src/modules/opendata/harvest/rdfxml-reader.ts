import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DataFactory, type Quad, type Quad_Object, type Quad_Subject } from 'n3';

const { namedNode, blankNode, literal, quad } = DataFactory;
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const XML = 'http://www.w3.org/XML/1998/namespace';

/** fast-xml-parser's ordered form: `{ tag: children, ':@': attributes }` or `{ '#text': text }`. */
type XmlNode = Record<string, unknown>;

interface Scope {
  readonly namespaces: ReadonlyMap<string, string>;
  readonly base: string;
  readonly lang: string | undefined;
}

interface Element {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: XmlNode[];
}

function elementOf(node: XmlNode): Element | undefined {
  const name = Object.keys(node).find((key) => key !== ':@' && key !== '#text' && !key.startsWith('?'));
  if (!name) return undefined;
  return {
    name,
    attributes: (node[':@'] as Record<string, string> | undefined) ?? {},
    children: (node[name] as XmlNode[] | undefined) ?? [],
  };
}

function expand(qname: string, namespaces: ReadonlyMap<string, string>): string {
  const colon = qname.indexOf(':');
  const prefix = colon < 0 ? '' : qname.slice(0, colon);
  if (prefix === 'xml') return `${XML}${qname.slice(colon + 1)}`;
  const namespace = namespaces.get(prefix);
  if (namespace === undefined) throw new Error(`undeclared XML prefix in <${qname}>`);
  return `${namespace}${qname.slice(colon + 1)}`;
}

function resolve(reference: string, base: string): string {
  try {
    return new URL(reference, base || undefined).href;
  } catch {
    return reference;
  }
}

/**
 * A small RDF/XML reader (no RDF/XML parser is installed; fast-xml-parser is): node and property
 * elements, typed nodes, rdf:about / rdf:ID / rdf:nodeID, rdf:resource, nested nodes,
 * rdf:parseType="Resource", property attributes, xml:lang, xml:base and rdf:datatype. That covers
 * the DCAT documents CKAN (ckanext-dcat), citydx and most portals write; containers are skipped.
 */
class RdfXmlReader {
  readonly quads: Quad[] = [];
  #blank = 0;

  scopeOf(element: Element, outer: Scope): Scope {
    const namespaces = new Map(outer.namespaces);
    for (const [key, value] of Object.entries(element.attributes)) {
      if (key === 'xmlns') namespaces.set('', value);
      else if (key.startsWith('xmlns:')) namespaces.set(key.slice(6), value);
    }
    const base = element.attributes['xml:base'];
    return {
      namespaces,
      base: base ? resolve(base, outer.base) : outer.base,
      lang: element.attributes['xml:lang'] ?? outer.lang,
    };
  }

  newBlank() {
    this.#blank += 1;
    return blankNode(`x${this.#blank}`);
  }

  subjectOf(element: Element, scope: Scope): Quad_Subject {
    const { attributes } = element;
    const about = attributes['rdf:about'];
    if (about !== undefined) return namedNode(resolve(about, scope.base));
    if (attributes['rdf:nodeID']) return blankNode(`n${attributes['rdf:nodeID']}`);
    if (attributes['rdf:ID']) return namedNode(resolve(`#${attributes['rdf:ID']}`, scope.base));
    return this.newBlank();
  }

  node(element: Element, outer: Scope): Quad_Subject {
    const scope = this.scopeOf(element, outer);
    const subject = this.subjectOf(element, scope);
    const type = expand(element.name, scope.namespaces);
    if (type !== `${RDF}Description`)
      this.quads.push(quad(subject, namedNode(`${RDF}type`), namedNode(type)));
    this.propertyAttributes(subject, element, scope);
    for (const child of element.children) {
      const property = elementOf(child);
      if (property) this.property(subject, property, scope);
    }
    return subject;
  }

  propertyAttributes(subject: Quad_Subject, element: Element, scope: Scope): void {
    for (const [key, value] of Object.entries(element.attributes)) {
      if (key === 'xmlns' || key.startsWith('xmlns:') || key.startsWith('xml:')) continue;
      const predicate = expand(key, scope.namespaces);
      if (predicate.startsWith(RDF) && predicate !== `${RDF}type`) continue;
      const object =
        predicate === `${RDF}type` ? namedNode(resolve(value, scope.base)) : literal(value, scope.lang);
      this.quads.push(quad(subject, namedNode(predicate), object));
    }
  }

  property(subject: Quad_Subject, element: Element, outer: Scope): void {
    const scope = this.scopeOf(element, outer);
    const predicate = expand(element.name, scope.namespaces);
    if (predicate === `${RDF}li` || /_\d+$/.test(predicate)) return;
    const object = this.objectOf(element, scope);
    if (object) this.quads.push(quad(subject, namedNode(predicate), object));
  }

  objectOf(element: Element, scope: Scope): Quad_Object | undefined {
    const { attributes, children } = element;
    if (attributes['rdf:resource'] !== undefined)
      return namedNode(resolve(attributes['rdf:resource'], scope.base));
    if (attributes['rdf:nodeID']) return blankNode(`n${attributes['rdf:nodeID']}`);
    if (attributes['rdf:parseType'] === 'Resource') {
      const node = this.newBlank();
      for (const child of children) {
        const property = elementOf(child);
        if (property) this.property(node, property, scope);
      }
      return node;
    }
    const nested = children.map(elementOf).find((child) => child !== undefined);
    if (nested) return this.node(nested, scope);
    const text = children.map((child) => (typeof child['#text'] === 'string' ? child['#text'] : '')).join('');
    const datatype = attributes['rdf:datatype'];
    if (datatype) return literal(text, namedNode(resolve(datatype, scope.base)));
    return literal(text, scope.lang);
  }
}

/** Quads of an RDF/XML document; malformed XML or an undeclared prefix throws. */
export function parseRdfXml(text: string, baseUrl: string): Quad[] {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Error(`malformed RDF/XML: ${valid.err.msg} (line ${valid.err.line})`);
  const parsed = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
  }).parse(text) as XmlNode[];
  const reader = new RdfXmlReader();
  const root = parsed.map(elementOf).find((element) => element !== undefined);
  if (!root) throw new Error('malformed RDF/XML: no root element');
  const scope = reader.scopeOf(root, { namespaces: new Map(), base: baseUrl, lang: undefined });
  if (expand(root.name, scope.namespaces) !== `${RDF}RDF`) reader.node(root, scope);
  else
    for (const child of root.children) {
      const element = elementOf(child);
      if (element) reader.node(element, scope);
    }
  return reader.quads;
}
