/** Scale helpers of the SVG charts: round axis ticks and how many category labels fit. */

function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** About `count` round ticks covering [min, max], always including 0 when the data does not cross it. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  let low = Math.min(0, min);
  let high = Math.max(0, max);
  if (!Number.isFinite(low) || !Number.isFinite(high)) return [0, 1];
  if (low === high) high = low + 1;
  const step = niceStep((high - low) / Math.max(1, count));
  low = Math.floor(low / step) * step;
  high = Math.ceil(high / step) * step;
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  const ticks: number[] = [];
  for (let value = low; value <= high + step / 2; value += step) ticks.push(Number(value.toFixed(decimals)));
  return ticks;
}

/** Show every n-th category label so labels keep at least `spacing` pixels apart. */
export function labelEvery(categories: number, width: number, spacing = 64): number {
  const fit = Math.max(1, Math.floor(width / spacing));
  return Math.max(1, Math.ceil(categories / fit));
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

/** A cell of a data table as a chart value: numbers as they are, numeric text parsed, else null. */
export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}
