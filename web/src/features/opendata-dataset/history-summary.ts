/** One line per recorded change: `field: before → after` for short values, else the field's name. */
export function describeSummary(action: string, summary: Readonly<Record<string, unknown>>): string {
  if (action.startsWith('opendata.resource.')) return String(summary.name ?? summary.resourceId ?? '');
  if (action !== 'opendata.dataset.updated') return String(summary.name ?? '');
  return Object.entries(summary)
    .map(([field, change]) => {
      const { before, after } = (change ?? {}) as { before?: unknown; after?: unknown };
      const short = (value: unknown) =>
        value === null || ['string', 'number', 'boolean'].includes(typeof value) ? String(value) : null;
      const from = short(before);
      const to = short(after);
      return from !== null && to !== null && from.length + to.length <= 60
        ? `${field}: ${from} → ${to}`
        : field;
    })
    .join('; ');
}
