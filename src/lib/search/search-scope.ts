/**
 * The role facet (只看“问题”部分) and 只看承诺, read from a report page's own search record.
 *
 * The index holds one record per report, as a bare Pagefind site does: a record per role section and
 * per commitment made 68 records a report, and the metadata and filter files a browser loads before
 * its first result grew with them (616 KB at 1,000 reports). Instead:
 *
 * - the role facet reads the page record's `roles` metadata, written by the indexer from the report's
 *   analysis: the top-level headings and their roles, "s-1:review s-2:problems s-3:plans". A role's
 *   text is the page content from its heading's anchor to the next top-level heading's anchor (Pagefind
 *   gives every element with an id an anchor with its word position in the content);
 * - 只看承诺 reads the commitments of each matching report from its data file (data/reports/<id>.json.gz),
 *   so that the fragments every search loads do not carry them.
 *
 * The browser checks each loaded result, so a scoped search loads the pages it checks. Pure: no
 * Pagefind, no DOM, no fetch.
 */
import { countOccurrences, excerptText, highlightTerms } from './search-excerpt.ts';
import type { SearchTerm } from './search-query.ts';

export const FACET_ROLES = ['review', 'problems', 'plans'] as const;
export type FacetRole = (typeof FACET_ROLES)[number];

export interface ScopeFragment {
  /** The spaced page text, words separated by white space. */
  content: string;
  anchors?: { element: string; id: string; location: number; text: string }[];
  meta: Record<string, string>;
}

export interface ReportCommitment {
  anchor: string;
  sectionPath: string[];
  text: string;
}

/** The `roles` metadata of a page: top-level heading ids (s-1) with a facet role, in order. */
export function formatRoleMeta(sections: readonly { id: string; role: string }[]): string {
  return sections.filter((s) => (FACET_ROLES as readonly string[]).includes(s.role)).map((s) => `${s.id}:${s.role}`).join(' ');
}

/** True when the text holds every term (normalised, as the result check counts them). */
export function containsAllTerms(text: string, terms: readonly SearchTerm[]): boolean {
  return terms.every((term) => countOccurrences(text, term) > 0);
}

/** The commitments of a report that hold every term. */
export function matchCommitments(commitments: readonly ReportCommitment[], terms: readonly SearchTerm[]): ReportCommitment[] {
  return commitments.filter((c) => containsAllTerms(c.text, terms));
}

/** The report id of a report page's URL ("/archive/reports/2022/x/#s-1" → "2022/x"); null for other pages. */
export function reportIdOfUrl(url: string): string | null {
  const match = /\/reports\/(.+?)\/(?:#.*)?$/.exec(url);
  return match ? decodeURIComponent(match[1]!) : null;
}

export interface RoleText {
  /** Ids of the role's top-level headings, in order. */
  ids: string[];
  /** The role's text as indexed (spaced). */
  text: string;
}

/** The text of one role's top-level sections in a page record; null when the page has none of that role. */
export function readRoleText(fragment: ScopeFragment, role: FacetRole): RoleText | null {
  const roles = new Map((fragment.meta['roles'] ?? '').split(' ').filter(Boolean).map((pair) => pair.split(':') as [string, string]));
  const topLevel = (fragment.anchors ?? []).filter((a) => a.element === 'h2' && /^s-\d+$/.test(a.id)).sort((a, b) => a.location - b.location);
  if (!topLevel.some((a) => roles.get(a.id) === role)) return null;
  const words = fragment.content.split(/[\r\n\s]+/g);
  const ids: string[] = [];
  const parts: string[] = [];
  topLevel.forEach((anchor, i) => {
    if (roles.get(anchor.id) !== role) return;
    ids.push(anchor.id);
    parts.push(words.slice(anchor.location, topLevel[i + 1]?.location ?? words.length).join(' '));
  });
  return { ids, text: parts.join(' ') };
}

/**
 * An excerpt of about `length` characters of plain text around the first occurrence of a term, every
 * term in it marked (HTML); null when a term does not occur in the text.
 */
export function excerptAround(text: string, terms: readonly SearchTerm[], length: number): string | null {
  if (!containsAllTerms(text, terms)) return null;
  const marked = highlightTerms(text, terms);
  // The plain text before the first mark is as long as the original text before the first match.
  const at = excerptText(marked.slice(0, marked.indexOf('<mark>'))).length;
  const start = Math.max(0, at - Math.floor(length / 3));
  const end = Math.min(text.length, start + length);
  return `${start > 0 ? '…' : ''}${highlightTerms(text.slice(start, end), terms)}${end < text.length ? '…' : ''}`;
}
