// The wording diff of two paired sections, paragraph by paragraph. A whole-section word diff is
// quadratic in the number of differences (2–3 s for one pair of national reports); aligning the
// paragraphs first and diffing only paired paragraphs keeps each diff small and shows a reader
// which paragraph became which.

import { diffWords, measureFeatureSimilarity, textFeatures, type DiffRun } from './compare.ts';

export type ParagraphPair =
  | { status: 'paired'; runs: DiffRun[] }
  | { status: 'removed'; text: string }
  | { status: 'added'; text: string };

/** Paragraphs this alike (bigram Dice) are the same paragraph reworded; unrelated ones stay below. */
const MIN_PARAGRAPH_SIMILARITY = 0.3;
/** A paired paragraph longer than this (characters, both sides) is shown whole as removed and added. */
const MAX_DIFF_CHARACTERS = 12_000;


/**
 * Pairs paragraphs in order (a monotone alignment maximising the summed similarity of the pairs
 * above MIN_PARAGRAPH_SIMILARITY), word-diffs each pair, and keeps the others whole.
 */
export function diffParagraphs(before: readonly string[], after: readonly string[]): ParagraphPair[] {
  const n = before.length;
  const m = after.length;
  const afterFeatures = after.map(textFeatures);
  const similarity = before.map((a) => {
    const features = textFeatures(a);
    return afterFeatures.map((b) => measureFeatureSimilarity(features, b));
  });
  // best[i][j]: the best summed similarity aligning before[i..] with after[j..].
  const best = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = similarity[i]![j]!;
      const pair = s >= MIN_PARAGRAPH_SIMILARITY ? s + best[i + 1]![j + 1]! : -1;
      best[i]![j] = Math.max(pair, best[i + 1]![j]!, best[i]![j + 1]!);
    }
  }
  const out: ParagraphPair[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m) {
      const s = similarity[i]![j]!;
      if (s >= MIN_PARAGRAPH_SIMILARITY && best[i]![j] === s + best[i + 1]![j + 1]!) {
        const a = before[i++]!;
        const b = after[j++]!;
        out.push(a.length + b.length > MAX_DIFF_CHARACTERS ? { status: 'paired', runs: [{ type: 'delete', text: a }, { type: 'insert', text: b }] } : { status: 'paired', runs: diffWords(a, b) });
        continue;
      }
      // Keep the old paragraph's removal before the new one's addition when both are free.
      if (best[i]![j] === best[i + 1]![j]) out.push({ status: 'removed', text: before[i++]! });
      else out.push({ status: 'added', text: after[j++]! });
      continue;
    }
    if (i < n) out.push({ status: 'removed', text: before[i++]! });
    else out.push({ status: 'added', text: after[j++]! });
  }
  return out;
}
