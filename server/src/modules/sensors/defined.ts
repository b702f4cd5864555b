/**
 * Narrows a value the code's own invariants guarantee (an index inside a known array, a relation the
 * entity model declares). Reaching the throw is a bug, reported as one (500), never a client error.
 */
export function defined<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`sensors: ${what} is missing`);
  return value;
}
