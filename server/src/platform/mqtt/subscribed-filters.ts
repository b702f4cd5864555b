import { TopicMemo, topicMatches } from './topic-filter';

/**
 * The topic filters the broker's clients are subscribed to, counted (two clients, one filter: 2), so
 * that the platform can tell whether a live update would reach anyone before it builds the payload.
 * An answer may err only towards "yes" (a filter aedes refused still counts): never a missed update.
 */
export class SubscribedFilters {
  readonly #counts = new Map<string, number>();
  readonly #reached = new TopicMemo<boolean>();

  add(filter: string): void {
    this.#counts.set(filter, (this.#counts.get(filter) ?? 0) + 1);
    this.#reached.clear();
  }

  remove(filter: string): void {
    const count = this.#counts.get(filter) ?? 0;
    if (count <= 1) this.#counts.delete(filter);
    else this.#counts.set(filter, count - 1);
    this.#reached.clear();
  }

  /** Whether a message on `topic` matches any subscribed filter (remembered per topic until a change). */
  reach(topic: string): boolean {
    return this.#reached.answer(topic, (name) => {
      for (const filter of this.#counts.keys()) if (topicMatches(filter, name)) return true;
      return false;
    });
  }
}
