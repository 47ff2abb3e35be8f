/**
 * Where to highlight search terms in a page's text, as Ctrl+F would.
 *
 * The report page hands in the text nodes of one block (a paragraph, heading,
 * list item…) as consecutive segments; a match may run across several of them
 * (「三会<strong>一课</strong>」). Matching is done on the normalised text
 * (text-normalize.ts: traditional → simplified, full-width → ASCII, "1 9 9 3"
 * → "1993"), exactly as the search index sees it, and every match is mapped
 * back to the ORIGINAL characters of each segment it touches.
 */
import { normalizeWithMap } from './text-normalize.ts';
import { findOccurrences } from './search-excerpt.ts';
import { parseSearchQuery, type SearchTerm } from './search-query.ts';

/** Part of one segment: UTF-16 offsets [start, end) into segments[segment]. */
export interface SegmentRange {
  segment: number;
  start: number;
  end: number;
}

/** One highlighted run: touching or overlapping occurrences of any term are merged. */
export type HighlightMatch = SegmentRange[];

/** The terms of a `?hl=` parameter, as the search page parsed the same query. */
export function highlightTermsFromQuery(query: string | null | undefined): SearchTerm[] {
  return query ? parseSearchQuery(query) : [];
}

function codePointLength(text: string, index: number): number {
  const code = text.codePointAt(index);
  return code !== undefined && code > 0xffff ? 2 : 1;
}

/** Source ranges [start, end) in the joined text, sorted and merged. */
function sourceRanges(joined: string, terms: readonly SearchTerm[]): [number, number][] {
  const { text: normalized, map } = normalizeWithMap(joined);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    for (const at of findOccurrences(normalized, term.text)) {
      const first = map[at] ?? 0;
      const last = map[at + term.text.length - 1] ?? first;
      ranges.push([first, last + codePointLength(joined, last)]);
    }
  }
  const merged: [number, number][] = [];
  for (const [start, end] of ranges.sort((a, b) => a[0] - b[0])) {
    const previous = merged[merged.length - 1];
    if (previous && start <= previous[1]) previous[1] = Math.max(previous[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/**
 * Every highlight in a run of text, each split into the segments it covers
 * (pieces that are empty or only whitespace left out), in document order.
 */
export function findHighlightRanges(segments: readonly string[], terms: readonly SearchTerm[]): HighlightMatch[] {
  if (terms.length === 0 || segments.length === 0) return [];
  const starts: number[] = [];
  let joined = '';
  for (const segment of segments) {
    starts.push(joined.length);
    joined += segment;
  }
  return sourceRanges(joined, terms).map(([start, end]) => {
    const pieces: SegmentRange[] = [];
    segments.forEach((segment, index) => {
      const from = Math.max(start, starts[index] ?? 0);
      const to = Math.min(end, (starts[index] ?? 0) + segment.length);
      // A piece that is only whitespace (the line break between two paragraphs a match runs across) gets no mark.
      if (to > from && /\S/u.test(segment.slice(from - (starts[index] ?? 0), to - (starts[index] ?? 0)))) pieces.push({ segment: index, start: from - (starts[index] ?? 0), end: to - (starts[index] ?? 0) });
    });
    return pieces;
  });
}

/** Adds `hl=<query>` to a result link, before its hash: "/r/x/#s-1" → "/r/x/?hl=…#s-1". */
export function withHighlightParam(url: string, query: string): string {
  const trimmed = query.trim();
  if (!trimmed) return url;
  const hashAt = url.indexOf('#');
  const path = hashAt === -1 ? url : url.slice(0, hashAt);
  const hash = hashAt === -1 ? '' : url.slice(hashAt);
  const queryAt = path.indexOf('?');
  const params = new URLSearchParams(queryAt === -1 ? '' : path.slice(queryAt + 1));
  params.set('hl', trimmed);
  return `${queryAt === -1 ? path : path.slice(0, queryAt)}?${params.toString()}${hash}`;
}
