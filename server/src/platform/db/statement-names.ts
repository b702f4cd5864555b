import crypto from 'node:crypto';

// A connection keeps what it prepared until it closes. Hot statement shapes are few, but some follow
// request parameters (how many filters, which facets): past this many distinct texts a statement runs
// unprepared rather than growing every connection's cache without end.
const MAX_NAMED = 200;

/**
 * Names for PostgreSQL's named prepared statements, derived from the text (the same text has the same
 * name in every process). Undefined once MAX_NAMED texts are named: run that one unprepared.
 */
export class StatementNames {
  readonly #names = new Map<string, string>();

  of(text: string): string | undefined {
    const known = this.#names.get(text);
    if (known !== undefined || this.#names.size >= MAX_NAMED) return known;
    const name = `s_${crypto.createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    this.#names.set(text, name);
    return name;
  }
}
