import { labelEvery, niceTicks, truncate } from '../lib/chart-scale';

export type ChartKind = 'line' | 'bar';

export interface ChartSeries {
  readonly name: string;
  readonly values: readonly (number | null)[];
}

/** Colours with ≥ 3:1 contrast on white (WCAG 1.4.11 non-text contrast). */
export const chartColors = ['#1864ab', '#b23c0c', '#2b7a36', '#7048e8', '#8a6200'] as const;

const TOP = 12;
const BOTTOM = 36;
const RIGHT = 12;

export interface PlotProps {
  readonly kind: ChartKind;
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  readonly width: number;
  readonly height: number;
  readonly formatValue: (value: number) => string;
  readonly formatTick: (value: number) => string;
}

/** The drawing itself: y grid and ticks, category labels, then bars or lines with a tooltip each. */
export function ChartPlot({ kind, categories, series, width, height, formatValue, formatTick }: PlotProps) {
  const values = series.flatMap((item) => item.values).filter((value): value is number => value !== null);
  const ticks = niceTicks(Math.min(...values, 0), Math.max(...values, 0));
  const low = ticks[0] ?? 0;
  const high = ticks[ticks.length - 1] ?? 1;
  const left = Math.max(...ticks.map((tick) => formatTick(tick).length)) * 7 + 14;
  const plotWidth = Math.max(10, width - left - RIGHT);
  const plotHeight = Math.max(10, height - TOP - BOTTOM);
  const y = (value: number) => TOP + plotHeight - ((value - low) / (high - low || 1)) * plotHeight;
  const band = plotWidth / Math.max(1, categories.length);
  const x = (index: number) => left + band * index + band / 2;
  const every = labelEvery(categories.length, plotWidth);
  const maxChars = Math.max(3, Math.floor((band * every) / 7));
  const barWidth = Math.max(1, (band * 0.7) / Math.max(1, series.length));

  return (
    <g fontSize={12} fill="#343a40">
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={left} x2={left + plotWidth} y1={y(tick)} y2={y(tick)} stroke="#dee2e6" />
          <text x={left - 6} y={y(tick)} dy="0.32em" textAnchor="end">
            {formatTick(tick)}
          </text>
        </g>
      ))}
      <line x1={left} x2={left + plotWidth} y1={y(0)} y2={y(0)} stroke="#868e96" />
      {categories.map((category, index) =>
        index % every === 0 ? (
          <text key={`${category}-${index}`} x={x(index)} y={TOP + plotHeight + 18} textAnchor="middle">
            {truncate(category, maxChars)}
          </text>
        ) : null,
      )}
      {series.map((item, seriesIndex) => {
        const color = chartColors[seriesIndex % chartColors.length];
        if (kind === 'bar')
          return item.values.map((value, index) =>
            value === null ? null : (
              <rect
                key={`${seriesIndex}-${index}`}
                x={x(index) - (barWidth * series.length) / 2 + barWidth * seriesIndex}
                y={Math.min(y(value), y(0))}
                width={barWidth}
                height={Math.max(1, Math.abs(y(value) - y(0)))}
                fill={color}
              >
                <title>{`${categories[index] ?? ''} · ${item.name}: ${formatValue(value)}`}</title>
              </rect>
            ),
          );
        const points = item.values
          .map((value, index) => (value === null ? null : ([x(index), y(value), value, index] as const)))
          .filter((point) => point !== null);
        return (
          <g key={seriesIndex}>
            <polyline
              points={points.map(([px, py]) => `${px},${py}`).join(' ')}
              fill="none"
              stroke={color}
              strokeWidth={2}
            />
            {points.length <= 80 &&
              points.map(([px, py, value, index]) => (
                <circle key={index} cx={px} cy={py} r={3} fill={color}>
                  <title>{`${categories[index] ?? ''} · ${item.name}: ${formatValue(value)}`}</title>
                </circle>
              ))}
          </g>
        );
      })}
    </g>
  );
}
