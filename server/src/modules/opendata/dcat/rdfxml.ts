import type { Quad, Term } from 'n3';
import { ns } from './dcat.vocab';

/**
 * A small RDF/XML writer (no maintained RDF/XML serializer is published for RDF/JS): one
 * rdf:Description per subject, properties as QNames, objects as rdf:resource / rdf:nodeID or text
 * with xml:lang / rdf:datatype. Output is the "flat" RDF/XML every parser reads.
 */

const XSD_STRING = `${ns.xsd}string`;
// XML 1.0 forbids these control characters even escaped.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function escape(text: string): string {
  return text
    .replace(FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

class Prefixes {
  readonly #byNamespace = new Map<string, string>(Object.entries(ns).map(([prefix, iri]) => [iri, prefix]));
  #generated = 0;

  /** `prefix:local` for a predicate IRI, declaring a new prefix when its namespace is unknown. */
  qname(iri: string): string {
    const cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1;
    const namespace = iri.slice(0, cut);
    const local = iri.slice(cut);
    if (!/^[A-Za-z_][\w.-]*$/.test(local)) throw new Error(`cannot write predicate ${iri} as RDF/XML`);
    let prefix = this.#byNamespace.get(namespace);
    if (!prefix) {
      prefix = `ns${this.#generated++}`;
      this.#byNamespace.set(namespace, prefix);
    }
    return `${prefix}:${local}`;
  }

  declarations(): string {
    return [...this.#byNamespace].map(([iri, prefix]) => `xmlns:${prefix}="${escape(iri)}"`).join('\n  ');
  }
}

function subjectAttribute(subject: Term): string {
  return subject.termType === 'BlankNode'
    ? `rdf:nodeID="${escape(subject.value)}"`
    : `rdf:about="${escape(subject.value)}"`;
}

function property(prefixes: Prefixes, quad: Quad): string {
  const name = prefixes.qname(quad.predicate.value);
  const object = quad.object;
  if (object.termType === 'NamedNode') return `<${name} rdf:resource="${escape(object.value)}"/>`;
  if (object.termType === 'BlankNode') return `<${name} rdf:nodeID="${escape(object.value)}"/>`;
  if (object.termType !== 'Literal') throw new Error(`cannot write ${object.termType} as RDF/XML`);
  const attribute = object.language
    ? ` xml:lang="${escape(object.language)}"`
    : object.datatype.value !== XSD_STRING
      ? ` rdf:datatype="${escape(object.datatype.value)}"`
      : '';
  return `<${name}${attribute}>${escape(object.value)}</${name}>`;
}

export function writeRdfXml(quads: readonly Quad[]): string {
  const prefixes = new Prefixes();
  const bySubject = new Map<string, { subject: Term; quads: Quad[] }>();
  for (const quad of quads) {
    const key = `${quad.subject.termType}:${quad.subject.value}`;
    const entry = bySubject.get(key) ?? { subject: quad.subject, quads: [] };
    entry.quads.push(quad);
    bySubject.set(key, entry);
  }
  const descriptions = [...bySubject.values()].map(({ subject, quads: own }) => {
    const properties = own.map((quad) => `    ${property(prefixes, quad)}`).join('\n');
    return `  <rdf:Description ${subjectAttribute(subject)}>\n${properties}\n  </rdf:Description>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF\n  ${prefixes.declarations()}>\n${descriptions.join('\n')}\n</rdf:RDF>\n`;
}
