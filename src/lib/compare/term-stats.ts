// How rare each term is in the archive: document frequency over its sentences (the promises of
// every plans part and the sentences of every review and problems part), computed once per
// archive, so that 发展 weighs little and 超长期特别国债 a lot.

import { readTerms, type TermOptions } from './chinese-terms.ts';

export interface TermStats {
  /** Number of texts counted. */
  documents: number;
  frequency: Map<string, number>;
  options: TermOptions;
}

export function countTerms(texts: Iterable<string>, options: TermOptions = {}): TermStats {
  const frequency = new Map<string, number>();
  let documents = 0;
  for (const text of texts) {
    documents++;
    for (const term of readTerms(text, options)) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  }
  return { documents, frequency, options };
}

/** BM25's inverse document frequency: near 0 for a term in most texts, ~log(N) for a unique one. */
export function inverseFrequency(stats: TermStats, term: string): number {
  const df = stats.frequency.get(term) ?? 0;
  return Math.log(1 + (stats.documents - df + 0.5) / (df + 0.5));
}
