/**
 * MQTT topic filters (MQTT 3.1.1 §4.7): `+` matches one level, `#` (last) matches any number of levels
 * including none; a filter starting with a wildcard does not match topics starting with `$`.
 */
export function topicMatches(filter: string, topic: string): boolean {
  if (topic.startsWith('$') && (filter.startsWith('+') || filter.startsWith('#'))) return false;
  const filterLevels = filter.split('/');
  const topicLevels = topic.split('/');
  for (let index = 0; index < filterLevels.length; index += 1) {
    const level = filterLevels[index];
    if (level === '#') return true;
    if (index >= topicLevels.length) return false;
    if (level !== '+' && level !== topicLevels[index]) return false;
  }
  return filterLevels.length === topicLevels.length;
}

/** True for a syntactically valid filter: wildcards occupy whole levels and `#` only the last. */
export function isValidTopicFilter(filter: string): boolean {
  if (filter.length === 0 || filter.includes('\u0000')) return false;
  const levels = filter.split('/');
  return levels.every((level, index) => {
    if (level.includes('#')) return level === '#' && index === levels.length - 1;
    if (level.includes('+')) return level === '+';
    return true;
  });
}

/** True for a topic a message may be published on (no wildcards). */
export function isValidTopicName(topic: string): boolean {
  return topic.length > 0 && !topic.includes('+') && !topic.includes('#') && !topic.includes('\u0000');
}

/** How many topics a TopicMemo keeps before it starts over. */
const MEMO_TOPICS = 10_000;

/**
 * Remembers a per-topic answer (which filters match it), since a device publishes on the same topic
 * again and again. Bounded: when full it forgets everything and starts over, so a flood of distinct
 * topics costs memory no more than the limit.
 */
export class TopicMemo<T> {
  readonly #answers = new Map<string, T>();

  answer(topic: string, compute: (topic: string) => T): T {
    const known = this.#answers.get(topic);
    if (known !== undefined) return known;
    if (this.#answers.size >= MEMO_TOPICS) this.#answers.clear();
    const computed = compute(topic);
    this.#answers.set(topic, computed);
    return computed;
  }

  /** Forgets every answer (the filters changed). */
  clear(): void {
    this.#answers.clear();
  }
}
