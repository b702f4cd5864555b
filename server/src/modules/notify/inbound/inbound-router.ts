import type { Locale } from '../../../platform/i18n/locale';
import type { InboundHandler, KeywordOptions } from '../notify.types';

export interface RouteMatch {
  readonly kind: 'keyword' | 'fallback' | 'help';
  readonly keyword: string | null;
  readonly argument: string;
  readonly handler: InboundHandler | null;
}

interface Entry {
  readonly keywords: readonly string[];
  readonly handler: InboundHandler;
  readonly options: KeywordOptions;
}

/** "Hủy!" → "HUY": keywords match without case, diacritics or trailing punctuation. */
export function foldKeyword(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'D')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+$/u, '');
}

const KEYWORD = /^[A-Z0-9]{1,20}$/;

/**
 * Routes an inbound SMS or Zalo message by its first word. Any module registers keywords (feedback:
 * TRACUU <code>; open data: a dataset query …); one module may register the fallback that receives
 * every other message (feedback: "the message becomes a report"). Without a fallback, the sender gets
 * the list of keywords.
 */
export class InboundRouter {
  readonly #byKeyword = new Map<string, Entry>();
  readonly #entries: Entry[] = [];
  #fallback: InboundHandler | null = null;

  register(
    keywords: string | readonly string[],
    handler: InboundHandler,
    options: KeywordOptions = {},
  ): void {
    const folded = [keywords].flat().map(foldKeyword);
    for (const keyword of folded) {
      if (!KEYWORD.test(keyword))
        throw new Error(`inbound keyword "${keyword}" must be 1–20 letters or digits`);
      if (this.#byKeyword.has(keyword)) throw new Error(`inbound keyword ${keyword} is registered twice`);
    }
    const entry: Entry = { keywords: folded, handler, options };
    for (const keyword of folded) this.#byKeyword.set(keyword, entry);
    this.#entries.push(entry);
  }

  setFallback(handler: InboundHandler): void {
    if (this.#fallback) throw new Error('an inbound fallback handler is already registered');
    this.#fallback = handler;
  }

  match(text: string): RouteMatch {
    const trimmed = text.trim();
    const [first = '', ...rest] = trimmed.split(/\s+/);
    const keyword = foldKeyword(first);
    const argument = rest.join(' ');
    const entry = this.#byKeyword.get(keyword);
    if (entry && !(entry.options.exact && argument.length > 0)) {
      return { kind: 'keyword', keyword, argument, handler: entry.handler };
    }
    if (this.#fallback)
      return { kind: 'fallback', keyword: null, argument: trimmed, handler: this.#fallback };
    return { kind: 'help', keyword: null, argument: trimmed, handler: null };
  }

  /** One line per registered keyword group, for the help reply. */
  helpLines(locale: Locale): string[] {
    return this.#entries.map((entry) => entry.options.description?.[locale] ?? entry.keywords.join(' / '));
  }
}
