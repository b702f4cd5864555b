/**
 * The audit summary of an update: `{ field: { before, after } }` for the fields whose value changes.
 * Unchanged and omitted fields are left out so the log shows what actually happened.
 */
export function changedFields<T extends object>(before: T, changes: Partial<T>): Record<string, unknown> {
  const summary: Record<string, unknown> = {};
  for (const [key, after] of Object.entries(changes)) {
    const previous: unknown = before[key as keyof T];
    if (after !== undefined && previous !== after) summary[key] = { before: previous, after };
  }
  return summary;
}
