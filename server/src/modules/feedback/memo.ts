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

  /**
   * The value loaded for `key` within the last `ttlMs`, else a fresh load. A failed load is not
   * remembered, nor a value `keep` refuses (e.g. "not found", so that a new row is seen at once).
   */
  get(key: string, load: () => Promise<V>, keep: (value: V) => boolean = () => true): Promise<V> {
    const now = Date.now();
    const hit = this.#entries.get(key);
    if (hit && hit.expires > now) return hit.value;
    if (this.#entries.size >= this.maxEntries) this.#entries.clear();
    const value = load();
    const entry = { value, expires: now + this.ttlMs };
    this.#entries.set(key, entry);
    const forget = () => {
      if (this.#entries.get(key) === entry) this.#entries.delete(key);
    };
    value.then((loaded) => (keep(loaded) ? undefined : forget()), forget);
    return value;
  }

  clear(): void {
    this.#entries.clear();
  }
}
