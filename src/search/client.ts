/**
 * Browser search over the spaced Pagefind index (src/lib/search/cjk-spacing.ts).
 *
 * A query becomes one quoted phrase per term (which pages match: each phrase
 * is searched on its own and the results intersected, since Pagefind reads
 * several quoted phrases as one) and its tokens unquoted (how they rank: a
 * quoted search scores every page 1.0). The best candidates' fragments are
 * loaded, checked and re-ranked by exact occurrences, and their excerpts and
 * titles cleaned of the index spacing.
 */
import { parseSearchQuery, toPagefindQuery, type SearchTerm } from '../lib/search/search-query.ts';
import { cleanSearchExcerpt, cleanSearchText, excerptText, highlightTerms } from '../lib/search/search-excerpt.ts';
import { countTermOccurrences, rerankResults, type RankableText } from '../lib/search/search-rank.ts';
import { commitmentAnchorOf, fetchReportDataFile, sectionPathOf, type ReportDataFile } from '../lib/compare/report-data.ts';
import { excerptAround, matchCommitments, readRoleText, reportIdOfUrl, type FacetRole, type ReportCommitment } from '../lib/search/search-scope.ts';

export interface SearchHit {
  url: string;
  title: string;
  /** Cleaned HTML with <mark>. */
  excerpt: string;
  meta: Record<string, string>;
  subResults: { title: string; url: string; excerpt: string }[];
  /** Pagefind's score of the unquoted tokens (0 when sorted or unranked). */
  score: number;
  /** Exact occurrences of all terms in the page. */
  occurrences: number;
}

export interface SearchOptions {
  filters?: Record<string, string | string[]>;
  /** A Pagefind sort (data-pagefind-sort); replaces ranking. */
  sort?: Record<string, 'asc' | 'desc'>;
  /** How many of the best matches to load, check and return. Default 20. */
  limit?: number;
  /** Only the text of one role's sections, or only commitments (src/lib/search/search-scope.ts). */
  scope?: SearchScope;
}

export type SearchScope = { role: FacetRole } | { commitments: true };

/** A search whose results are loaded a page at a time, as a reader asks for more. */
export interface SearchSession {
  /** Reports that match, before any scope; the count of hits when the search is unscoped. */
  matches: number;
  /** True when every match has been checked and returned. */
  done(): boolean;
  /** The next hits, at most `count`; fewer only at the end. */
  next(count: number): Promise<SearchHit[]>;
}

export interface SearchClientConfig {
  /** Words around a match; each CJK character is a word here. Default 60. */
  excerptLength?: number;
  /** Prefix of result URLs; Pagefind derives it from the bundle path by default. */
  baseUrl?: string;
  /** Pagefind ranking weights for the unquoted ranking search. */
  ranking?: Record<string, number>;
  /** Where the per-report data files are (only 只看承诺 reads them). Default: beside the bundle, data/reports/. */
  dataPath?: string;
  /** The other search indexes of a sharded archive, searched with this one (Pagefind's mergeIndex). */
  mergeBundles?: readonly string[];
}

/** The merged indexes a search form names (data-merge-bundles, space-separated); none on a site built whole. */
export function mergeBundlesOf(form: HTMLElement): string[] {
  return (form.dataset['mergeBundles'] ?? '').split(' ').filter((path) => path.length > 0);
}

export type FilterCounts = Record<string, Record<string, number>>;

export interface SearchClient {
  /** Loads Pagefind, its WebAssembly and metadata ahead of the first search (e.g. on focus). */
  init(): Promise<void>;
  search(query: string, options?: SearchOptions): Promise<SearchHit[]>;
  /**
   * Like search, with how many hits there are in all: for an unscoped search the number of matching
   * pages; for a scoped one the count once every match was checked, else null (more can be loaded).
   */
  searchWithTotal(query: string, options?: SearchOptions): Promise<{ hits: SearchHit[]; total: number | null; session: SearchSession }>;
  /** Starts a search to load page by page. */
  open(query: string, options?: SearchOptions): Promise<SearchSession>;
  /** Starts loading the index chunks a query will need (e.g. while typing). */
  preload(query: string, options?: SearchOptions): Promise<void>;
  /** Every filter value with its page count. */
  filters(): Promise<FilterCounts>;
}

interface PagefindFragment {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string>;
  sub_results: { title: string; url: string; excerpt: string }[];
  anchors?: { element: string; id: string; location: number; text: string }[];
}

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindFragment>;
}

interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string, options?: Record<string, unknown>): Promise<{ results: PagefindResult[] } | null>;
  preload(term: string, options?: Record<string, unknown>): Promise<void>;
  filters(): Promise<FilterCounts>;
  mergeIndex(bundlePath: string, options?: Record<string, unknown>): Promise<void>;
}

interface Candidate {
  match: PagefindResult;
  score: number;
  fragment: PagefindFragment;
  text: RankableText;
}

const HEADING = /^h[1-6]$/;

function intersectMatches(responses: PagefindResult[][]): PagefindResult[] {
  const [first = [], ...rest] = responses;
  const others = rest.map((results) => new Set(results.map((result) => result.id)));
  return first.filter((result) => others.every((ids) => ids.has(result.id)));
}

/** Ranked matches first (in the ranking search's order), then any the ranking search missed. */
function orderByRank(matches: PagefindResult[], ranked: PagefindResult[] | null): { match: PagefindResult; score: number }[] {
  if (!ranked) return matches.map((match) => ({ match, score: 0 }));
  const byId = new Map(matches.map((match) => [match.id, match]));
  const ordered = ranked.flatMap((result) => {
    const match = byId.get(result.id);
    byId.delete(result.id);
    return match ? [{ match, score: result.score }] : [];
  });
  return [...ordered, ...[...byId.values()].map((match) => ({ match, score: 0 }))];
}

function readText(fragment: PagefindFragment): RankableText {
  return {
    title: cleanSearchText(fragment.meta['title'] ?? ''),
    headings: (fragment.anchors ?? []).filter((a) => HEADING.test(a.element)).map((a) => cleanSearchText(a.text)),
    content: fragment.content,
  };
}

/** A record whose URL has a hash (a section) gets sub-result URLs like "/r/#s-2#s-2-1" from Pagefind: keep the last. */
function singleHash(url: string): string {
  const first = url.indexOf('#');
  const last = url.lastIndexOf('#');
  return first === last ? url : url.slice(0, first) + url.slice(last);
}

/** A page's metadata as a hit shows it: its clean title, without the role facet's data. */
function pageMeta(fragment: PagefindFragment, title: string): Record<string, string> {
  const { roles: _roles, ...meta } = fragment.meta;
  return { ...meta, title };
}

function toHit(candidate: Candidate, terms: SearchTerm[], occurrences: number): SearchHit {
  const { fragment } = candidate;
  const excerpt = cleanSearchExcerpt(fragment.excerpt);
  return {
    url: fragment.url,
    title: candidate.text.title,
    // Pagefind marks only the first phrase; with several terms, mark them all.
    excerpt: terms.length > 1 ? highlightTerms(excerptText(excerpt), terms) : excerpt,
    meta: pageMeta(fragment, candidate.text.title),
    subResults: fragment.sub_results.map((sub) => ({
      title: cleanSearchText(sub.title),
      url: singleHash(sub.url),
      excerpt: cleanSearchExcerpt(sub.excerpt),
    })),
    score: candidate.score,
    occurrences,
  };
}

/** The hits of a page within a scope: the page once if its role text holds every term, or each matching commitment. */
function toScopedHits(candidate: Candidate, terms: SearchTerm[], scope: SearchScope, commitments: readonly ReportCommitment[]): SearchHit[] {
  const { fragment } = candidate;
  const base = fragment.url.split('#')[0]!;
  const meta = pageMeta(fragment, candidate.text.title);
  if ('commitments' in scope) {
    return matchCommitments(commitments, terms).map((commitment) => ({
      url: `${base}#${commitment.anchor}`,
      title: candidate.text.title,
      excerpt: highlightTerms(commitment.text, terms),
      meta: { ...meta, section: commitment.sectionPath.join(' › '), commitment: commitment.anchor },
      subResults: [],
      score: candidate.score,
      occurrences: 0,
    }));
  }
  const role = readRoleText(fragment, scope.role);
  if (!role) return [];
  const text = cleanSearchText(role.text);
  const excerpt = excerptAround(text, terms, 60);
  if (excerpt === null) return [];
  const headings = (fragment.anchors ?? []).filter((a) => role.ids.includes(a.id)).map((a) => cleanSearchText(a.text));
  return [{
    url: `${base}#${role.ids[0]}`,
    title: candidate.text.title,
    excerpt,
    meta: { ...meta, section: headings.join(' / ') },
    subResults: [],
    score: candidate.score,
    occurrences: 0,
  }];
}

export function createSearchClient(bundlePath: string, config: SearchClientConfig = {}): SearchClient {
  let loading: Promise<PagefindApi> | undefined;
  const dataPath = config.dataPath ?? bundlePath.replace(/pagefind\/$/, 'data/reports/');

  /** A report's commitments, from its data file; none for a page that is not a report. */
  async function loadCommitments(url: string): Promise<ReportCommitment[]> {
    const id = reportIdOfUrl(url);
    if (!id) return [];
    const data = await fetchReportDataFile<Partial<Pick<ReportDataFile<object>, 'commitments' | 'sections'>>>(dataPath, id);
    return (data.commitments ?? []).map((c) => ({ anchor: commitmentAnchorOf(c), text: c.text, sectionPath: sectionPathOf(data.sections ?? [], c.section) }));
  }

  const load = () =>
    (loading ??= (async () => {
      const pagefind = (await import(/* @vite-ignore */ `${bundlePath}pagefind.js`)) as PagefindApi;
      await pagefind.options({
        excerptLength: config.excerptLength ?? 60,
        ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
        ...(config.ranking ? { ranking: config.ranking } : {}),
      });
      // Each merged index takes the same options; its results' URLs are under the same site base.
      for (const path of config.mergeBundles ?? []) {
        await pagefind.mergeIndex(path, {
          excerptLength: config.excerptLength ?? 60,
          ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
          ...(config.ranking ? { ranking: config.ranking } : {}),
        });
      }
      return pagefind;
    })());

  /** Loads, checks and re-ranks a batch of matches: pages that really hold every term, best first. */
  async function loadBatch(batch: { match: PagefindResult; score: number }[], terms: SearchTerm[], sorted: boolean) {
    const candidates: Candidate[] = await Promise.all(
      batch.map(async ({ match, score }) => {
        const fragment = await match.data();
        return { match, score, fragment, text: readText(fragment) };
      }),
    );
    // Keep only pages that really hold every term: should a query hold a mark the index never
    // saw, Pagefind strips it, and the shorter phrase would match pages that lack the term.
    const counted = candidates
      .map((candidate) => ({ candidate, count: countTermOccurrences(candidate.text, terms) }))
      .filter(({ count }) => count.missingTerms === 0);
    const occurrences = new Map(counted.map(({ candidate, count }) => [candidate, count.occurrences]));
    const kept = counted.map(({ candidate }) => candidate);
    const final = sorted ? kept : rerankResults(kept, (candidate) => candidate.text, terms);
    return final.map((candidate) => ({ candidate, occurrences: occurrences.get(candidate) ?? 0 }));
  }

  async function open(query: string, options: SearchOptions = {}): Promise<SearchSession> {
    const terms = parseSearchQuery(query);
    if (terms.length === 0) return { matches: 0, done: () => true, next: async () => [] };
    const { phrases, rank } = toPagefindQuery(terms);
    const pagefind = await load();
    const filters = options.filters ?? {};
    const sorted = options.sort !== undefined && Object.keys(options.sort).length > 0;
    const [matchResponses, rankResponse] = await Promise.all([
      Promise.all(phrases.map((phrase) => pagefind.search(phrase, { filters, sort: options.sort ?? {} }))),
      sorted || !rank ? null : pagefind.search(rank, { filters }),
    ]);
    const matches = intersectMatches(matchResponses.map((response) => response?.results ?? []));
    const ordered = orderByRank(matches, sorted ? null : (rankResponse?.results ?? []));
    const scope = options.scope;
    let position = 0;
    const waiting: SearchHit[] = [];
    return {
      matches: matches.length,
      done: () => position >= ordered.length && waiting.length === 0,
      async next(count) {
        while (waiting.length < count && position < ordered.length) {
          // A scoped search checks pages until it has enough hits; an unscoped one loads just what it shows.
          const batch = ordered.slice(position, position + (scope ? Math.max(count, 10) : count - waiting.length));
          position += batch.length;
          const loaded = await loadBatch(batch, terms, sorted);
          const commitments = scope && 'commitments' in scope ? await Promise.all(loaded.map(({ candidate }) => loadCommitments(candidate.fragment.url))) : [];
          loaded.forEach(({ candidate, occurrences }, i) => {
            waiting.push(...(scope ? toScopedHits(candidate, terms, scope, commitments[i] ?? []) : [toHit(candidate, terms, occurrences)]));
          });
        }
        return waiting.splice(0, count);
      },
    };
  }

  async function searchWithTotal(query: string, options: SearchOptions = {}) {
    const session = await open(query, options);
    const hits = await session.next(options.limit ?? 20);
    const total = !options.scope ? session.matches : session.done() ? hits.length : null;
    return { hits, total, session };
  }

  return {
    init: async () => (await load()).init(),
    open,
    searchWithTotal,
    search: async (query, options) => (await searchWithTotal(query, options)).hits,
    async preload(query, options = {}) {
      const { phrases } = toPagefindQuery(parseSearchQuery(query));
      const pagefind = await load();
      await Promise.all(phrases.map((phrase) => pagefind.preload(phrase, { filters: options.filters ?? {} })));
    },
    filters: async () => (await load()).filters(),
  };
}
