import type { Quad, Term } from 'n3';

/** Triples indexed by subject, for reading a DCAT graph one node at a time. */
export class RdfGraph {
  readonly #bySubject = new Map<string, Quad[]>();

  constructor(quads: readonly Quad[]) {
    for (const quad of quads) {
      const key = RdfGraph.key(quad.subject);
      const list = this.#bySubject.get(key);
      if (list) list.push(quad);
      else this.#bySubject.set(key, [quad]);
    }
  }

  static key(term: Term): string {
    return `${term.termType}:${term.value}`;
  }

  objects(subject: Term, predicate: string): Term[] {
    return (this.#bySubject.get(RdfGraph.key(subject)) ?? [])
      .filter((quad) => quad.predicate.value === predicate)
      .map((quad) => quad.object);
  }

  /** Subjects of `rdf:type type`, in document order. */
  subjectsOfType(type: string): Term[] {
    const rdfType = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
    const found: Term[] = [];
    for (const quads of this.#bySubject.values()) {
      const typed = quads.find((quad) => quad.predicate.value === rdfType && quad.object.value === type);
      if (typed) found.push(typed.subject);
    }
    return found;
  }

  /** Every object of `predicate` over all subjects (Hydra links, whatever the paging node). */
  anyObjects(predicate: string): Term[] {
    return [...this.#bySubject.values()]
      .flat()
      .filter((q) => q.predicate.value === predicate)
      .map((q) => q.object);
  }

  /** The literal in `lang` (or without a language tag when `lang` is null). */
  text(subject: Term, predicate: string, lang: 'vi' | 'en' | null): string | null {
    const literals = this.objects(subject, predicate).filter((term) => term.termType === 'Literal');
    const wanted = literals.find((term) =>
      lang
        ? (term as { language: string }).language === lang
        : (term as { language: string }).language === '',
    );
    return wanted ? wanted.value : null;
  }

  /** A literal in Vietnamese, else without a language, else in any language. */
  preferredText(subject: Term, predicate: string): string | null {
    const literals = this.objects(subject, predicate).filter((term) => term.termType === 'Literal');
    return (
      this.text(subject, predicate, 'vi') ?? this.text(subject, predicate, null) ?? literals[0]?.value ?? null
    );
  }

  first(subject: Term, predicate: string): Term | undefined {
    return this.objects(subject, predicate)[0];
  }
}
