/**
 * A small time-bounded memo for reference data read on every submission (categories, working-day
 * deadlines). Entries live `ttlMs` at most, so an edit made in another process is seen within that
 * time everywhere; nothing depends on the memo for correctness beyond that delay.
 */
export class TtlMemo<V> {
  readonly #entries = new Map<string, { value: Promise<V>; expires: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
  ) {}

  get(key: string, load: () => Promise<V>): Promise<V> {
    const now = Date.now();
    const hit = this.#entries.get(key);
    if (hit && hit.expires > now) return hit.value;
    if (this.#entries.size >= this.maxEntries) this.#entries.clear();
    const value = load();
    this.#entries.set(key, { value, expires: now + this.ttlMs });
    // A failed load is not remembered: the next caller tries again.
    value.catch(() => this.#entries.delete(key));
    return value;
  }

  clear(): void {
    this.#entries.clear();
  }
}
