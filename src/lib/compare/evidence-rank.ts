// Ranks a later report's sentences for one promise. Every term is worth its rarity in the archive
// (IDF, less for a bigram read across two words: term-stats.ts wordLikeness); a sentence scores by how much of the promise's weight it shares (recall) and how much of
// its own weight is about the promise (precision), so neither a long review sentence that mentions
// everything nor a generic opening ("一年来，我们深入学习贯彻…") wins on common words.

import { readTerms } from './chinese-terms.ts';
import type { EvidenceCandidate } from './evidence-candidates.ts';
import { inverseFrequency, wordLikeness, type TermStats } from './term-stats.ts';
import { splitClauses, splitSentences } from '../structure/promise-split.ts';
import { normalizeText } from '../search/text-normalize.ts';

export interface RankOptions {
  /** How many suggestions at most (3). */
  k?: number;
  /** Nothing is suggested unless the best sentence scores this much, times lengthFactor(promise). */
  threshold?: number;
  /** Once something is suggested, the next best are shown down to this score (threshold / 2). */
  floor?: number;
  /** Nothing is suggested unless the best sentence shares this much weight (minSharedWeight; 0 with a threshold of 0). */
  minShared?: number;
  /**
   * Whether to say what each suggestion shares with the promise (`terms`; default true). The site's pages
   * and data files do not show it (PageFollowUp): the build leaves it out, a tenth of the matching time.
   */
  describe?: boolean;
}

export interface RankedEvidence {
  candidate: EvidenceCandidate;
  /** 0..1. */
  score: number;
  /** What the two texts share, longest first: "旅游接待人数", "“社科先锋”", "20次". */
  terms: string[];
}

export interface CandidateIndex {
  candidates: EvidenceCandidate[];
  /** Sum of the IDF of each candidate's terms. */
  masses: Float64Array;
  /** Term → candidates holding it, in order. */
  postings: Map<string, number[]>;
  /** What each candidate's score is multiplied by (candidatePrior). */
  priors: Float64Array;
}

/**
 * Chosen with bench/promise-quality.ts on the labelled corpus pairs (tests/fixtures/promise-truth):
 * the best sentence must reach it (times lengthFactor, less for a long promise) for anything to be
 * shown, so that at least 70% of the promises the next year says nothing about get no suggestion;
 * the second and third need half of DEFAULT_THRESHOLD.
 */
export const DEFAULT_THRESHOLD = 0.125;
/**
 * However large a share of a short promise a sentence holds, it must share about as much weight
 * with it as one term found nowhere else in the archive would weigh (this share of it): two rare
 * words, or one rare name, not two common verbs. "开展粮食节约行动。" and "开展重点产业强链补链行动。"
 * share 开展 and 行动, most of the promise's weight, but well short of that.
 */
export const MIN_SHARED_SHARE = 0.95;

/** The least weight the best sentence must share with a promise for anything to be suggested. */
export function minSharedWeight(stats: TermStats): number {
  return MIN_SHARED_SHARE * inverseFrequency(stats, '');
}
/** Recall counts more than precision: a short answer to a long promise is still an answer. */
const RECALL_WEIGHT = 0.7;

// Sentences that share words with many promises but answer few, worth part of their score:
// the topic lead of a review paragraph, marked ("二是优化和落实助企纾困政策，巩固经济恢复基础。",
// "——生态文明建设持续推进。") or not: a short sentence in one piece that opens a paragraph going
// on after it ("加强就业和社会保障。", "城市宜居水平显著提升。"), a heading in all but form (in the
// labelled truth, unmarked ones were the wrong first sentence 21 times and never an answer);
// a generic opening or summary ("一年来，…在党中央坚强领导下…", "完成了全年经济社会发展主要目标任务"),
// which answers only the overall requirement (follow-up-suggest.ts puts it first there); and a
// sentence of the problems part that admits no failure ("世界经济增长动能不足"), where the review
// part's sentence is preferred.
const LEAD = /^(?:[一二三四五六七八九十]{1,3}是|——)/;
const MAX_LEAD_CHARS = 30;
/** An unmarked lead is a topic phrase: short and in one piece ("有效实施积极的财政政策和稳健的货币政策。" reports). */
const MAX_TOPIC_CHARS = 16;
const ONE_PIECE = /^[^，,；;：:]+$/;
const GENERIC = /^(?:一年来|过去(?:的)?一年|回顾过去一年|[0-9]{4}年，)|(?:完成|实现)[^。]{0,12}目标任务|目标任务[^。]{0,6}完成|领导下/;
const ADMISSION = /未(?:能)?(?:完成|达到|实现)|没有(?:完成|达到|实现)|仍(?:较|然|很|比较)?突出|不到位|滞后|进展缓慢/;
const LEAD_PRIOR = 0.5;
const GENERIC_PRIOR = 0.5;
const PROBLEMS_PRIOR = 0.8;

/** How much of its score a candidate keeps: 1, less for a lead, a generic sentence or a problem that admits nothing. */
export function candidatePrior(candidate: Pick<EvidenceCandidate, 'text' | 'role' | 'opensParagraph'>): number {
  let prior = 1;
  if (isTopicLead(candidate)) prior *= LEAD_PRIOR;
  if (GENERIC.test(candidate.text)) prior *= GENERIC_PRIOR;
  if (candidate.role === 'problems' && !ADMISSION.test(candidate.text)) prior *= PROBLEMS_PRIOR;
  return prior;
}

/** A paragraph's topic lead: "一是…" or "——…" up to MAX_LEAD_CHARS, or a short opening sentence in one piece. */
function isTopicLead({ text, opensParagraph }: Pick<EvidenceCandidate, 'text' | 'opensParagraph'>): boolean {
  const length = [...text].length;
  if (LEAD.test(text)) return length <= MAX_LEAD_CHARS;
  return opensParagraph === true && length <= MAX_TOPIC_CHARS && ONE_PIECE.test(text);
}

/** What a shared term is worth: its rarity (IDF), less for a bigram read across two words. */
export function termWeight(stats: TermStats, term: string): number {
  let weight = stats.weights.get(term);
  if (weight === undefined) stats.weights.set(term, (weight = inverseFrequency(stats, term) * wordLikeness(stats, term)));
  return weight;
}

export function indexCandidates(candidates: EvidenceCandidate[], stats: TermStats): CandidateIndex {
  const masses = new Float64Array(candidates.length);
  const priors = new Float64Array(candidates.length);
  const postings = new Map<string, number[]>();
  candidates.forEach((candidate, i) => {
    priors[i] = candidatePrior(candidate);
    for (const term of readTerms(candidate.text, stats.options)) {
      masses[i]! += termWeight(stats, term);
      const list = postings.get(term);
      if (list) list.push(i);
      else postings.set(term, [i]);
    }
  });
  return { candidates, masses, postings, priors };
}

// A long promise shares a smaller part of its terms with its answer than a short one does: past
// REFERENCE_CHARS characters, the threshold falls with the promise's length (a promise of 188
// characters needs half of it). Short promises keep the whole threshold: one common word gives
// them a high score ("推进农业机械化、智能化。" → "传统产业数字化智能化改造加快").
const REFERENCE_CHARS = 47;
const LENGTH_EXPONENT = 0.5;

/** What the threshold is multiplied by for a promise of this length: 1, less for a long one. */
export function lengthFactor(promise: string): number {
  return Math.min(1, (REFERENCE_CHARS / Math.max([...promise].length, 1)) ** LENGTH_EXPONENT);
}

/** The parts of a promise matched on their own: its sentences and "；" clauses (a long 一是 item holds several). */
function promiseParts(promise: string): string[] {
  const parts = splitSentences(promise).flatMap((sentence) => splitClauses(promise, sentence)).map((span) => promise.slice(span.start, span.end));
  return parts.length > 1 ? [promise, ...parts] : [promise];
}

/**
 * The candidates that share enough of the promise's rare terms, best first. A promise of several
 * sentences scores by its best-matching sentence, so one answered sentence is not drowned by the rest.
 */
export function rankEvidence(promise: string, index: CandidateIndex, stats: TermStats, options: RankOptions = {}): RankedEvidence[] {
  const { k = 3 } = options;
  const threshold = (options.threshold ?? DEFAULT_THRESHOLD) * lengthFactor(promise);
  const floor = options.floor ?? (options.threshold ?? DEFAULT_THRESHOLD) / 2;
  const minShared = options.minShared ?? (threshold > 0 ? minSharedWeight(stats) : 0);
  if (k <= 0 || index.candidates.length === 0) return [];
  const count = index.candidates.length;
  const best = new Float64Array(count);
  // What the best-scoring part of the promise shares with each candidate, in weight.
  const bestShared = new Float64Array(count);
  const shared = new Float64Array(count);
  // Only the candidates sharing a term are visited: a promise shares terms with a few dozen of a
  // report's several hundred sentences, and 1,000 reports have some 370,000 promises.
  const touched: number[] = [];
  const everTouched: number[] = [];
  const parts = promiseParts(promise).map((part) => readTerms(part, stats.options));
  for (const terms of parts) {
    let mass = 0;
    for (const term of terms) {
      const weight = termWeight(stats, term);
      mass += weight;
      const postings = index.postings.get(term);
      if (!postings) continue;
      for (const i of postings) {
        if (shared[i] === 0) touched.push(i);
        shared[i]! += weight;
      }
    }
    for (const i of touched) {
      const s = shared[i]!;
      shared[i] = 0;
      const score = index.priors[i]! * (s / mass) ** RECALL_WEIGHT * (s / index.masses[i]!) ** (1 - RECALL_WEIGHT);
      if (best[i] === 0) everTouched.push(i);
      if (score > best[i]!) { best[i] = score; bestShared[i] = s; }
    }
    touched.length = 0;
  }
  const scored: { i: number; score: number }[] = [];
  for (const i of everTouched) { const score = best[i]!; if (score > 0 && score >= floor) scored.push({ i, score }); }
  scored.sort((a, b) => b.score - a.score || a.i - b.i);
  if (scored.length === 0 || scored[0]!.score < threshold || bestShared[scored[0]!.i]! < minShared) return [];
  return scored.slice(0, k).map(({ i, score }) => ({
    candidate: index.candidates[i]!,
    score: Math.round(score * 1000) / 1000,
    terms: options.describe === false ? [] : describeShared(parts[0]!, index.candidates[i]!.text, stats),
  }));
}

/** The score rankEvidence gives one sentence for a promise, whatever the threshold. */
export function scoreEvidence(promise: string, sentence: string, stats: TermStats): number {
  const index = indexCandidates([{ text: sentence } as EvidenceCandidate], stats);
  return rankEvidence(promise, index, stats, { k: 1, threshold: 0 })[0]?.score ?? 0;
}

const NUMBER_OR_NAME = /^[#“]/;
const TELLING_IDF = 5;

/**
 * What the promise and a sentence share, for a reader: the runs of the sentence covered by
 * bigrams of the promise ("旅游接待人数"), then shared quoted names and numbers.
 */
export function describeShared(query: Set<string>, sentence: string, stats: TermStats): string[] {
  const norm = normalizeText(sentence);
  const runs = new Set<string>();
  let run = '';
  for (let i = 0; i < norm.length; i++) {
    const inside = query.has(norm.slice(i, i + 2)) || (run !== '' && query.has(norm.slice(i - 1, i + 1)));
    if (inside) run += norm[i];
    if (!inside || i === norm.length - 1) { if (run.length >= 2) runs.add(run); run = ''; }
  }
  const special = [...query].filter((t) => NUMBER_OR_NAME.test(t));
  const own = special.length > 0 ? readTerms(sentence, stats.options) : new Set<string>();
  const extras = special.filter((t) => own.has(t)).map((t) => (t.startsWith('“') ? `“${t.slice(1)}”` : t.slice(1)));
  // A two-character run is worth showing only when it is rare ("巡回", not "增长").
  const telling = [...runs].filter((r) => r.length > 2 || inverseFrequency(stats, r) >= TELLING_IDF);
  return [...telling.sort((a, b) => b.length - a.length).slice(0, 6), ...extras];
}
