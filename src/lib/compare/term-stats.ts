// How rare each term is in the archive: document frequency over its sentences (the promises of
// every plans part and the sentences of every review and problems part), computed once per
// archive, so that 发展 weighs little and 超长期特别国债 a lot.

import { readTerms, type TermOptions } from './chinese-terms.ts';

export interface TermStats {
  /** Number of texts counted. */
  documents: number;
  frequency: Map<string, number>;
  /** Document frequency of each character of the two-character terms, by UTF-16 code (for wordLikeness). */
  characters: Uint32Array;
  options: TermOptions;
  /** Each term's weight once weighed (evidence-rank.ts termWeight): a promise weighs the same terms again and again. */
  weights: Map<string, number>;
}

export function countTerms(texts: Iterable<string>, options: TermOptions = {}): TermStats {
  const frequency = new Map<string, number>();
  const characters = new Uint32Array(0x10000);
  // The last document each character was counted in, so that it counts once per document.
  const seenIn = new Uint32Array(0x10000);
  let documents = 0;
  for (const text of texts) {
    documents++;
    for (const term of readTerms(text, options)) {
      frequency.set(term, (frequency.get(term) ?? 0) + 1);
      if (term.length !== 2) continue;
      for (let k = 0; k < 2; k++) {
        const code = term.charCodeAt(k);
        if (seenIn[code] !== documents) { seenIn[code] = documents; characters[code]!++; }
      }
    }
  }
  return { documents, frequency, characters, options, weights: new Map() };
}

/** BM25's inverse document frequency: near 0 for a term in most texts, ~log(N) for a unique one. */
export function inverseFrequency(stats: TermStats, term: string): number {
  const df = stats.frequency.get(term) ?? 0;
  return Math.log(1 + (stats.documents - df + 0.5) / (df + 0.5));
}

// A bigram read across a word boundary (推进|农业 → 进农, 集体|经济 → 体经, 出行|环境 → 行环) is
// rare, so IDF alone makes it weigh more than the words it straddles, and two unrelated sentences
// "share" it. Its two characters meet about as often as chance would have them in the same text,
// while those of a word meet far more often (粮食, 减税, 航线). The pointwise mutual information
// ln(df(xy)·N / (df(x)·df(y))) tells them apart: a bigram keeps its whole weight from 0 up (as
// often as chance, or more), none at -2 (a seventh of chance), linearly between, and never less
// than CROSSING_WEIGHT of it (a few words are made of common characters: 工业 is at -0.3).
const WORD_PMI = 0;
const CROSSING_PMI = -2;
const CROSSING_WEIGHT = 0.3;
const HAN_BIGRAM = /^[\u3400-\u9fff\uf900-\ufaff]{2}$/;

/** What a term's weight is multiplied by: 1, less for a bigram whose characters meet by chance. */
export function wordLikeness(stats: TermStats, term: string): number {
  if (!HAN_BIGRAM.test(term)) return 1;
  const df = stats.frequency.get(term) ?? 0;
  const first = stats.characters[term.charCodeAt(0)]!;
  const second = stats.characters[term.charCodeAt(1)]!;
  if (df === 0 || first === 0 || second === 0) return 1;
  const pmi = Math.log((df * stats.documents) / (first * second));
  return Math.min(1, Math.max(CROSSING_WEIGHT, (pmi - CROSSING_PMI) / (WORD_PMI - CROSSING_PMI)));
}
