/**
 * Re-ranking of search candidates by exact occurrences.
 *
 * Pagefind scores a quoted search 1.0 for every page, and its unquoted score
 * counts the characters of a phrase one by one, so neither says which page
 * holds the phrase most often. Counting the exact occurrences in the loaded
 * fragments does; an occurrence in the title or a heading counts extra.
 */
import { countOccurrences } from './search-excerpt.ts';
import type { SearchTerm } from './search-query.ts';

export interface RankableText {
  title: string;
  headings: string[];
  /** The page text, which usually contains its title and headings too. */
  content: string;
}

export interface OccurrenceCount {
  /** Occurrences of all terms in the content. */
  occurrences: number;
  /** occurrences + HEADING_BONUS for each occurrence in the title or a heading. */
  weight: number;
  /** Terms that occur nowhere (a page Pagefind matched on something else, e.g. across a block). */
  missingTerms: number;
}

/** An occurrence in the title or a heading says more about the page than one in the body. */
export const HEADING_BONUS = 2;

export function countTermOccurrences(text: RankableText, terms: readonly SearchTerm[]): OccurrenceCount {
  let occurrences = 0;
  let weight = 0;
  let missingTerms = 0;
  for (const term of terms) {
    const inContent = countOccurrences(text.content, term);
    const inHeadings = [text.title, ...text.headings].reduce((sum, heading) => sum + countOccurrences(heading, term), 0);
    occurrences += inContent;
    weight += inContent + HEADING_BONUS * inHeadings;
    if (inContent + inHeadings === 0) missingTerms++;
  }
  return { occurrences, weight, missingTerms };
}

/** Stable: results with the same weight keep the order they came in (Pagefind's). */
export function rerankResults<T>(
  results: readonly T[],
  getText: (result: T) => RankableText,
  terms: readonly SearchTerm[],
): T[] {
  const weighted = results.map((result, index) => ({
    result,
    index,
    weight: countTermOccurrences(getText(result), terms).weight,
  }));
  weighted.sort((a, b) => b.weight - a.weight || a.index - b.index);
  return weighted.map(({ result }) => result);
}
