import type { Rating, ReportStatus } from './report-states';
import type { DemoCategory } from './feedback.demo-data';
import { demoProblems, demoStreets } from './feedback.demo-data';

/** A deterministic pseudo-random sequence, so every fresh install shows the same sample board. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Central Đà Nẵng (the sample points are not tied to their unit: the units ship without polygons).
const BOX = { south: 15.96, north: 16.11, west: 108.14, east: 108.26 };

/** The life a sample report has had so far; the loader turns it into rows and history. */
export interface SamplePlan {
  readonly category: DemoCategory;
  readonly unitCode: string;
  readonly description: string;
  readonly location: { latitude: number; longitude: number };
  readonly receivedAt: Date;
  readonly urgent: boolean;
  readonly channel: 'web' | 'mobile' | 'phone' | 'zalo' | 'sms' | 'email' | 'open311';
  readonly outcome: 'received' | 'assigned' | 'in_progress' | 'answered' | 'rejected' | 'published';
  /** Working-day hours the agency took relative to the deadline (more than 1: late). */
  readonly answerPace: number;
  readonly rating: Rating | null;
}

const channels: readonly SamplePlan['channel'][] = [
  'phone',
  'phone',
  'phone',
  'web',
  'web',
  'zalo',
  'zalo',
  'mobile',
  'sms',
  'email',
  'open311',
];

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length) % items.length] as T;
}

function outcomeOf(random: () => number, ageDays: number): SamplePlan['outcome'] {
  const roll = random();
  if (roll < 0.05) return 'rejected';
  if (ageDays < 1.5 || roll < 0.1) return ageDays < 5 ? 'received' : 'assigned';
  if (roll < 0.2) return 'assigned';
  if (roll < 0.28) return 'in_progress';
  if (roll < 0.33) return 'answered';
  return 'published';
}

function ratingOf(random: () => number): Rating | null {
  const roll = random();
  if (roll < 0.3) return null;
  if (roll < 0.8) return 'satisfied';
  return roll < 0.9 ? 'neutral' : 'unsatisfied';
}

/** `count` sample plans over the last 90 days, across `units` and the categories (urban ones weighted). */
export function planSamples(
  categories: readonly DemoCategory[],
  units: readonly string[],
  count: number,
  now: Date,
): SamplePlan[] {
  const random = seededRandom(1022);
  const weighted = categories.flatMap((c) => (c.deadlineWorkingDays <= 3 ? [c, c, c] : [c]));
  return Array.from({ length: count }, () => {
    const category = pick(weighted, random);
    const ageDays = 0.05 + random() * 88;
    const problem = pick(demoProblems[category.code] ?? ['Phản ánh mẫu.'], random).replace(
      '{street}',
      pick(demoStreets, random),
    );
    return {
      category,
      unitCode: pick(units, random),
      description: `[Mẫu] ${problem}`,
      location: {
        latitude: Math.round((BOX.south + random() * (BOX.north - BOX.south)) * 1e6) / 1e6,
        longitude: Math.round((BOX.west + random() * (BOX.east - BOX.west)) * 1e6) / 1e6,
      },
      receivedAt: new Date(now.getTime() - ageDays * DAY),
      urgent: category.code === 'khan-cap' || random() < 0.03,
      channel: pick(channels, random),
      outcome: outcomeOf(random, ageDays),
      answerPace: 0.2 + random() * 1.2,
      rating: ratingOf(random),
    };
  });
}

/** The statuses a plan went through, for its history. */
export function pathOf(plan: SamplePlan, published: { withinWindow: boolean }): ReportStatus[] {
  switch (plan.outcome) {
    case 'received':
      return ['received'];
    case 'rejected':
      return ['received', 'rejected'];
    case 'assigned':
      return ['received', 'classified', 'assigned'];
    case 'in_progress':
      return ['received', 'classified', 'assigned', 'in_progress'];
    case 'answered':
      return ['received', 'classified', 'assigned', 'in_progress', 'answered'];
    default: {
      const end: ReportStatus[] =
        plan.rating === 'unsatisfied' && published.withinWindow
          ? ['reopened']
          : plan.rating || !published.withinWindow
            ? ['closed']
            : [];
      return ['received', 'classified', 'assigned', 'in_progress', 'answered', 'published', ...end];
    }
  }
}

export const sampleTiming = { HOUR, DAY };
