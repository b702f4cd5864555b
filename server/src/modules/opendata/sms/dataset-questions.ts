import type { Localized } from '../../../platform/i18n/locale';
import type { LookupRequest, LookupRow } from '../datastore';
import { foldVietnamese } from '../datastore/read/vietnamese-pattern';
import type { SmsAnswer, SmsAnswersRepo } from './sms-answers.repo';

/** The first word of an SMS or Zalo message that asks the open data portal (matched without diacritics). */
export const DATASET_KEYWORDS = ['DL', 'DULIEU', 'DATA'] as const;

export const datasetKeywordHelp: Localized = {
  vi: 'DL <từ khóa>: tìm dữ liệu mở, ví dụ "DL dân số Hải Châu"',
  en: 'DL <keywords>: find open data, e.g. "DL dan so Hai Chau"',
};

export interface FoundDataset {
  readonly name: string;
  readonly title: string;
  readonly titleEn: string | null;
}

export interface QuestionDeps {
  readonly answers: Pick<SmsAnswersRepo, 'list'>;
  readonly lookup: (request: LookupRequest) => Promise<LookupRow[] | undefined>;
  /** Public datasets best matching the text, best first. */
  readonly findDatasets: (text: string, limit: number) => Promise<FoundDataset[]>;
  /** The short link to a dataset (a redirect to its page). */
  readonly datasetLink: (name: string) => string;
}

const MAX_ROWS = 3;
const MAX_DATASETS = 3;

/** Folded words: "Dân số, Hải Châu" → ["dan", "so", "hai", "chau"]. */
export function foldedWords(text: string): string[] {
  return foldVietnamese(text)
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

/**
 * The registered answer whose topic words all occur in the question (the most specific topic wins), and
 * the question's other words, which say what to look up ("hai chau").
 */
export function pickAnswer(
  answers: readonly SmsAnswer[],
  question: readonly string[],
): { answer: SmsAnswer; rest: string[] } | undefined {
  let best: { answer: SmsAnswer; rest: string[]; size: number } | undefined;
  for (const answer of answers) {
    const rest = [...question];
    const topic = answer.topic.split(' ');
    const allFound = topic.every((word) => {
      const at = rest.indexOf(word);
      if (at < 0) return false;
      rest.splice(at, 1);
      return true;
    });
    if (allFound && (!best || topic.length > best.size)) best = { answer, rest, size: topic.length };
  }
  return best && { answer: best.answer, rest: best.rest };
}

function formatValue(value: string | null, locale: 'vi' | 'en'): string {
  if (value === null) return '-';
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number)) return value;
  return new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 }).format(
    number,
  );
}

function answerText(answer: SmsAnswer, rows: readonly LookupRow[], locale: 'vi' | 'en'): string {
  const label = locale === 'en' ? (answer.labelEn ?? answer.label) : answer.label;
  const unit = answer.unit ? ` ${answer.unit}` : '';
  const lines = rows.map((row) => `${row.match}: ${formatValue(row.value, locale)}${unit}`);
  return `${label}\n${lines.join('\n')}`;
}

function datasetsText(datasets: readonly FoundDataset[], deps: QuestionDeps, locale: 'vi' | 'en'): string {
  const intro = locale === 'vi' ? 'Dữ liệu mở Đà Nẵng:' : 'Da Nang open data:';
  const lines = datasets.map((dataset, index) => {
    const title = locale === 'en' ? (dataset.titleEn ?? dataset.title) : dataset.title;
    return `${index + 1}. ${title} ${deps.datasetLink(dataset.name)}`;
  });
  return [intro, ...lines].join('\n');
}

const MAX_SEARCHES = 4;

// Search requires every word; a question often ends with words no dataset has ("dân số Hòa Vang" when
// no dataset names the district), so drop words from the end until something matches.
async function closestDatasets(deps: QuestionDeps, question: readonly string[]): Promise<FoundDataset[]> {
  const shortest = Math.max(1, question.length - MAX_SEARCHES + 1);
  for (let length = question.length; length >= shortest; length -= 1) {
    const found = await deps.findDatasets(question.slice(0, length).join(' '), MAX_DATASETS);
    if (found.length > 0) return found;
  }
  return [];
}

/**
 * Answers "DL <words>": a value from a registered DataStore answer when one fits, else the best matching
 * public datasets with short links.
 */
export async function answerDatasetQuestion(deps: QuestionDeps, text: string): Promise<Localized> {
  const question = foldedWords(text);
  if (question.length === 0) {
    return {
      vi: `Cú pháp: ${datasetKeywordHelp.vi}`,
      en: `Usage: ${datasetKeywordHelp.en}`,
    };
  }
  const picked = pickAnswer(await deps.answers.list(), question);
  if (picked && picked.rest.length > 0) {
    const rows = await deps.lookup({
      resourceId: picked.answer.resourceId,
      matchField: picked.answer.matchField,
      valueField: picked.answer.valueField,
      text: picked.rest.join(' '),
      limit: MAX_ROWS,
    });
    if (rows && rows.length > 0) {
      return { vi: answerText(picked.answer, rows, 'vi'), en: answerText(picked.answer, rows, 'en') };
    }
  }
  const datasets = await closestDatasets(deps, question);
  if (datasets.length === 0) {
    return {
      vi: `Không tìm thấy dữ liệu cho "${text.trim()}". Thử từ khóa khác.`,
      en: `No open data found for "${text.trim()}". Try other words.`,
    };
  }
  return { vi: datasetsText(datasets, deps, 'vi'), en: datasetsText(datasets, deps, 'en') };
}
