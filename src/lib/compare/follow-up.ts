// Which passage of a later report tells how an earlier promise went: the author's own
// `followUps` in frontmatter, else suggestions ranked by Chinese text similarity.

import { toHeadingId, type AnalyzedCommitment } from '../structure/analyze.ts';
import { mapSectionRoles, scoreMetricMatch, type ReportWithBodies } from './compare.ts';
import { extractMetrics, type Metric } from '../structure/metrics.ts';
import { flattenOutline } from '../structure/outline.ts';
import type { ReportFrontmatter } from '../report-schema.ts';
import { normalizeText } from '../search/text-normalize.ts';

export type ExplicitFollowUp = ReportFrontmatter['followUps'][number];

/** One report of a unit's series, as follow-up matching needs it. */
export interface SeriesReport extends ReportWithBodies {
  /** Path below content/reports without extension: "2022/明湖市社会科学界联合会-述职报告". */
  id: string;
  year: number;
  unit: string;
  followUps?: readonly ExplicitFollowUp[];
}

/** A stretch of a later report that may answer an earlier promise. */
export interface Passage {
  reportId: string;
  year: number;
  /** Section id ("1.2.3") and the HTML id of its heading, which is what a link can target. */
  section: string;
  anchor: string;
  heading: string;
  /** Unique in the report: "1.2.3/p2", or "1.2.3/p2/3" for its third 一是/二是 item ("/0": the intro before them). */
  key: string;
  text: string;
}

// 一是…二是…: an item marker opens the paragraph or a clause ("究其原因，一是…"), so "统一是" never counts.
const ITEM_MARKER = /(?<=^|[。；;！？!?，,：:])\s*([一二三四五六七八九十]{1,2})是/g;
const ORDINALS = '一二三四五六七八九十';

/** Splits a paragraph into its intro (item 0) and its 一是/二是 items (a run 1, 2, 3…); no run → null. */
function splitItems(paragraph: string): { item: number; text: string }[] | null {
  const starts: number[] = [];
  for (const m of paragraph.matchAll(ITEM_MARKER)) {
    if (m[1] === ORDINALS[starts.length]) starts.push(m.index + m[0].length - m[1]!.length - 1);
  }
  if (starts.length < 2) return null;
  const pieces = [paragraph.slice(0, starts[0]), ...starts.map((start, i) => paragraph.slice(start, starts[i + 1]))];
  // An intro shorter than this is a lead-in ("究其原因，"), not a passage of its own.
  return pieces.map((text, item) => ({ item, text: text.trim() })).filter(({ text }) => [...text].length >= 8);
}

/**
 * The paragraphs of a report's review sections (what was done) and problems sections
 * ("未完成" is an answer too), long 一是/二是 paragraphs split into their items.
 */
export function indexPassages(report: Pick<SeriesReport, 'id' | 'year' | 'analysis' | 'outline'>): Passage[] {
  const roles = mapSectionRoles(report.analysis);
  const passages: Passage[] = [];
  for (const section of flattenOutline(report.outline)) {
    const role = roles.get(section.id);
    if (role !== 'review' && role !== 'problems') continue;
    const heading = section.title.slice(section.marker.length).trim();
    section.body.forEach((paragraph, p) => {
      const pieces = splitItems(paragraph) ?? [{ item: null, text: paragraph.trim() }];
      for (const { item, text } of pieces) {
        passages.push({
          reportId: report.id, year: report.year, section: section.id, anchor: toHeadingId(section.id), heading,
          key: `${section.id}/p${p + 1}${item === null ? '' : `/${item}`}`, text,
        });
      }
    });
  }
  return passages;
}

// ---- Terms ----

const HAN_RUN = /[\p{Script=Han}a-z]+/gu;
// A number with its magnitude and unit ("18次", "455.2万人次", "6.5%"); years ("2023年") are not counts.
const NUMBER = /(?<![\d.])(\d+(?:\.\d+)?)(?:余|多)?(万亿|亿|万|千)?(人次|个百分点|公里|平方米|[%个次家场项篇名所条户人元亩座期批处件部份张])?(?!\d)/g;
const QUOTED = /[“"「『《]([^”"」』》]{2,30})[”"」』》]/g;

/** "6个" shared by chance is common; a number counts half a gram. */
const NUMBER_WEIGHT = 0.5;

interface Terms {
  /** Character bigrams and trigrams inside runs of Han characters, and number+unit tokens. */
  grams: Map<string, number>;
  length: number;
  /** Quoted names: “社科先锋”, 《机关党员积分制管理办法》. */
  names: Set<string>;
  metrics: Metric[];
  norm: string;
}

/** The terms of a text; a heading (`context`) adds its own at `contextWeight`. */
function readTerms(text: string, context = '', contextWeight = 0): Terms {
  const norm = normalizeText(text);
  const grams = new Map<string, number>();
  const count = (gram: string, weight: number) => grams.set(gram, (grams.get(gram) ?? 0) + weight);
  const add = (source: string, weight: number) => {
    for (const [run] of source.matchAll(HAN_RUN)) {
      const chars = [...run];
      for (let i = 0; i + 1 < chars.length; i++) {
        count(chars[i]! + chars[i + 1]!, weight);
        if (i + 2 < chars.length) count(chars[i]! + chars[i + 1]! + chars[i + 2]!, weight);
      }
    }
    for (const m of source.matchAll(NUMBER)) {
      if (!m[3] && source.startsWith('年', m.index + m[0].length)) continue;
      count(`#${m[1]}${m[2] ?? ''}${m[3] ?? ''}`, weight * NUMBER_WEIGHT);
    }
  };
  add(norm, 1);
  if (context) add(normalizeText(context), contextWeight);
  const length = [...grams.values()].reduce((sum, weight) => sum + weight, 0);
  const names = new Set([...norm.matchAll(QUOTED)].map((m) => m[1]!));
  return { grams, length, names, metrics: extractMetrics(text), norm };
}

// ---- Ranking ----

export interface FollowUpSuggestion extends Passage {
  /** 0..1: the weighted share of the promise's terms found, plus the bonuses. */
  score: number;
  /** What the two texts share, longest first: "巡回指导", "“社科先锋”", "20次". */
  terms: string[];
}

export interface SuggestOptions {
  /** The year of the report that made the promise. */
  year: number;
  /** How many suggestions at most (3). */
  k?: number;
  /** Below this score nothing is suggested. */
  threshold?: number;
  /** How many years after the promise to look (2: N+1 and N+2). */
  horizon?: number;
}

/**
 * Chosen with bench/follow-up-quality.ts: every true follow-up in the sample archive scores
 * ≥ 0.16, while the top suggestion for a promise matched against another unit's reports
 * (wrong by construction) reaches 0.12 for only 2–15% of promises.
 */
export const DEFAULT_THRESHOLD = 0.12;
const K1 = 1.2;
const B = 0.75;
/** A passage two years on tells less surely about this promise than one a year on. */
const LATER_YEAR_FACTOR = 0.8;
/** Bonuses, on the 0..1 scale: a shared quoted name, a shared measure (label and unit). */
const NAME_BONUS = 0.15;
const METRIC_BONUS = 0.1;
const MAX_BONUS = 0.3;

interface PassageIndex {
  passages: Passage[];
  terms: Terms[];
  documentFrequency: Map<string, number>;
  averageLength: number;
}

const indexCache = new WeakMap<readonly SeriesReport[], Map<string, PassageIndex>>();

/** The passages of the reports in years from..to, with the statistics BM25 needs (cached per report list). */
function buildIndex(reports: readonly SeriesReport[], from: number, to: number): PassageIndex {
  const byRange = indexCache.get(reports) ?? new Map<string, PassageIndex>();
  indexCache.set(reports, byRange);
  const cached = byRange.get(`${from}-${to}`);
  if (cached) return cached;
  const passages = reports.filter((r) => r.year >= from && r.year <= to).flatMap(indexPassages);
  // The heading says what the paragraph is about; it counts half.
  const terms = passages.map((p) => readTerms(p.text, p.heading, 0.5));
  const documentFrequency = new Map<string, number>();
  for (const t of terms) {
    for (const gram of t.grams.keys()) documentFrequency.set(gram, (documentFrequency.get(gram) ?? 0) + 1);
    for (const name of t.names) documentFrequency.set(`“${name}`, (documentFrequency.get(`“${name}`) ?? 0) + 1);
  }
  const averageLength = terms.reduce((sum, t) => sum + t.length, 0) / Math.max(terms.length, 1);
  const index = { passages, terms, documentFrequency, averageLength };
  byRange.set(`${from}-${to}`, index);
  return index;
}

/** Runs of the passage's normalised text covered by shared grams, plus shared names and numbers. */
function describeShared(query: Terms, passage: Terms, names: string[]): string[] {
  const chars = [...passage.norm];
  const covered = chars.map(() => false);
  for (let i = 0; i + 1 < chars.length; i++) {
    if (query.grams.has(chars[i]! + chars[i + 1]!)) covered[i] = covered[i + 1] = true;
  }
  const runs = new Set<string>();
  let run = '';
  chars.forEach((char, i) => {
    if (covered[i] && /[\p{Script=Han}a-z]/u.test(char)) run += char;
    else { if ([...run].length >= 2) runs.add(run); run = ''; }
  });
  if ([...run].length >= 2) runs.add(run);
  const numbers = [...query.grams.keys()].filter((g) => g.startsWith('#') && passage.grams.has(g)).map((g) => g.slice(1));
  const longest = [...runs].sort((a, b) => [...b].length - [...a].length).slice(0, 6);
  return [...names.map((n) => `“${n}”`), ...longest, ...numbers];
}

/**
 * Ranks the passages of the same unit's reports of years N+1 (and N+2) for a promise of
 * year N: BM25 over character bigrams and trigrams (IDF over those passages), scaled by
 * what a passage of average length holding every term once would get, plus bonuses for
 * a shared quoted name and for a shared measure ("巡回指导…20次" → "巡回指导18次").
 * The passage index is built once per `laterReports` array (held weakly), so pass the same
 * array for all promises of one report.
 */
export function suggestFollowUps(commitment: Pick<AnalyzedCommitment, 'text'>, laterReports: readonly SeriesReport[], options: SuggestOptions): FollowUpSuggestion[] {
  const { year, k = 3, threshold = DEFAULT_THRESHOLD, horizon = 2 } = options;
  if (k <= 0) return [];
  const index = buildIndex(laterReports, year + 1, year + horizon);
  const n = index.passages.length;
  if (n === 0) return [];
  const idf = (key: string) => {
    const df = index.documentFrequency.get(key) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  };
  const query = readTerms(commitment.text);
  const grams = [...query.grams.keys()];
  const saturate = (tf: number, length: number) => (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / index.averageLength));
  const weight = (g: string) => Math.min(1, query.grams.get(g)!);
  const ideal = grams.reduce((sum, g) => sum + weight(g) * idf(g) * saturate(1, index.averageLength), 0);
  if (ideal === 0) return [];
  const maxIdf = Math.log(1 + (n - 0.5) / 1.5);
  const scored = index.passages.map((passage, i) => {
    const terms = index.terms[i]!;
    let raw = 0;
    for (const g of grams) {
      const tf = terms.grams.get(g);
      if (tf) raw += weight(g) * idf(g) * saturate(tf, terms.length);
    }
    const names = [...query.names].filter((name) => terms.names.has(name));
    const nameBonus = names.reduce((sum, name) => sum + NAME_BONUS * Math.min(1, idf(`“${name}`) / maxIdf), 0);
    const metricBonus = query.metrics.filter((m) => terms.metrics.some((other) => scoreMetricMatch(m, other) > 0)).length * METRIC_BONUS;
    const decay = passage.year > year + 1 ? LATER_YEAR_FACTOR : 1;
    const score = Math.min(1, (raw / ideal + Math.min(MAX_BONUS, nameBonus + metricBonus)) * decay);
    return { passage, score, terms, names };
  });
  return scored
    .filter((s) => s.score >= threshold)
    .sort((a, b) => b.score - a.score || a.passage.year - b.passage.year)
    .slice(0, k)
    .map(({ passage, score, terms, names }) => ({ ...passage, score: Math.round(score * 1000) / 1000, terms: describeShared(query, terms, names) }));
}

// ---- Resolving ----

export interface ResolvedFollowUp {
  /** "<report id>#<commitment id>". */
  commitmentKey: string;
  text: string;
  /** What later reports say in their frontmatter `followUps`. */
  explicit: { reportId: string; year: number; status: ExplicitFollowUp['status']; evidence: string | null; anchor?: string }[];
  /** Only for commitments without an explicit follow-up. */
  suggested: { reportId: string; year: number; anchor: string; section: string; text: string; score: number; terms: string[] }[];
}

export interface FollowUpError {
  /** The report whose frontmatter holds the reference. */
  report: string;
  commitment: string;
  message: string;
}

/** The explicit entry's section as a section id: "1.2" and "s-1-2" both name section 1.2. */
function toSectionId(section: string): string {
  return section.startsWith('s-') ? section.slice(2).replaceAll('-', '.') : section;
}

/**
 * Every commitment of every report with its follow-ups: the explicit ones from later
 * reports' frontmatter, and for the others the suggestions from the same unit's next
 * reports. References to a missing report, commitment or section are returned as errors.
 */
export function resolveFollowUps(reports: readonly SeriesReport[], options: Omit<SuggestOptions, 'year'> = {}): { followUps: ResolvedFollowUp[]; errors: FollowUpError[] } {
  const byId = new Map(reports.map((r) => [r.id, r]));
  const resolved = new Map<string, ResolvedFollowUp>();
  for (const report of reports) {
    for (const c of report.analysis.commitments) {
      resolved.set(`${report.id}#${c.id}`, { commitmentKey: `${report.id}#${c.id}`, text: c.text, explicit: [], suggested: [] });
    }
  }
  const errors: FollowUpError[] = [];
  for (const report of reports) {
    for (const entry of report.followUps ?? []) {
      const [targetId = ''] = entry.commitment.split('#');
      const fail = (message: string) => errors.push({ report: report.id, commitment: entry.commitment, message });
      const target = byId.get(targetId);
      const item = resolved.get(entry.commitment);
      if (!target) { fail(`找不到报告“${targetId}”`); continue; }
      if (!item) { fail(`报告“${targetId}”中没有承诺“${entry.commitment.slice(targetId.length + 1)}”`); continue; }
      if (target.year >= report.year) { fail(`只能回应更早年份的承诺（${target.year} 年不早于 ${report.year} 年）`); continue; }
      const sectionId = entry.section === undefined ? undefined : toSectionId(entry.section);
      const section = sectionId === undefined ? undefined : flattenOutline(report.outline).find((s) => s.id === sectionId);
      if (sectionId !== undefined && !section) { fail(`本报告中没有第 ${entry.section} 节`); continue; }
      item.explicit.push({
        reportId: report.id, year: report.year, status: entry.status,
        evidence: entry.evidence ?? section?.body[0] ?? null,
        ...(sectionId !== undefined ? { anchor: toHeadingId(sectionId) } : {}),
      });
    }
  }
  for (const report of reports) {
    const later = reports.filter((r) => r.unit === report.unit && r.year > report.year);
    for (const c of report.analysis.commitments) {
      const item = resolved.get(`${report.id}#${c.id}`)!;
      if (item.explicit.length > 0 || later.length === 0) continue;
      item.suggested = suggestFollowUps(c, later, { ...options, year: report.year })
        .map(({ reportId, year, anchor, section, text, score, terms }) => ({ reportId, year, anchor, section, text, score, terms }));
    }
  }
  return { followUps: [...resolved.values()], errors };
}
