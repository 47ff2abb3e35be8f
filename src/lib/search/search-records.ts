/**
 * The search records of a report besides its page, and why there are three kinds.
 *
 * A role facet ("问题" = only what a report says about its problems) must
 * narrow a query to the TEXT of that role: a `role` filter on the page record
 * would only say that the page HAS a problems section, so 三会一课 + 问题
 * would return every report that mentions 三会一课 anywhere and has a problems
 * section somewhere. So each report is indexed as:
 *
 * - type=report: the whole page, as before. The default search filters on it,
 *   so it still returns each report once.
 * - type=section: ONE record per report and role (review / problems / plans),
 *   holding every top-level section of that role. One record per role rather
 *   than per section, so that a role search also returns each report at most
 *   once and its total is a count of reports (a report whose problems are
 *   spread over two sections is still one result). It links to the first
 *   section of the role (its sub-results to the matching headings). The
 *   introduction and sections of role "other" get no record: no facet asks
 *   for them.
 * - type=commitment: one custom record per commitment of the plans (its text,
 *   linking to its anchor), for "只看承诺"; role=plans.
 *
 * Measured on the 61 imported government work reports of ../shared/corpus:
 * 61 records → 3,748 (61 pages, 98 role sections, 3,589 commitments); index
 * chunks 2.10 → 4.05 MB and fragments 2.49 → 7.40 MB on disk, but a browser
 * only fetches what a query needs: 42 queries typed into the search page
 * fetched 1.46 → 1.72 MB (+17%), with median time per query within the run-to-run
 * noise (0.4–0.8 s either way). The default search still reads only the pages; the
 * 77 queries of tests/e2e/search-quality.test.ts match their ground truth exactly.
 *
 * Only the UI picks the type; the page records carry no role filter (it would
 * be the coarse facet above, and would count pages twice in filter counts).
 * Pure: HTML in, HTML/records out.
 */
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { visit } from 'unist-util-visit';
import type { Element, ElementContent, Root } from 'hast';

export const FACET_ROLES = ['review', 'problems', 'plans'] as const;
export type FacetRole = (typeof FACET_ROLES)[number];

export interface SectionRecordPage {
  /** Page URL plus the first section's hash, e.g. "/reports/2022/x/#s-2". */
  url: string;
  html: string;
  role: FacetRole;
}

/** A Pagefind custom record (addCustomRecord), content still unspaced. */
export interface SearchCustomRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort?: Record<string, string>;
}

export interface ReportData {
  id: string;
  title: string;
  year: number;
  unit: string;
  kind: string;
  commitments?: { id: string; text: string; sectionPath: string[]; anchor: string }[];
}

let processor: ReturnType<typeof createProcessor> | undefined;
function createProcessor() {
  return unified().use(rehypeParse).use(rehypeStringify);
}

function hasClass(node: Element, name: string): boolean {
  const className = node.properties['className'];
  return Array.isArray(className) && className.includes(name);
}

function textOf(node: ElementContent | Root): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' || node.type === 'root') return node.children.map((child) => textOf(child as ElementContent)).join('');
  return '';
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * One page per role present in a report page's `.report-body` (top-level
 * `h2[data-role]` and everything up to the next `h2`), carrying the page's
 * filters, sort and meta plus type=section, role and a `section` meta (the
 * headings of the role joined with " / ").
 */
export function roleSectionPages(pageUrl: string, html: string): SectionRecordPage[] {
  processor ??= createProcessor();
  const tree = processor.parse(html) as Root;
  let body: Element | undefined;
  let title = '';
  const keep: string[] = [];
  visit(tree, 'element', (node) => {
    if (!body && hasClass(node, 'report-body')) body = node;
    const filter = node.properties['dataPagefindFilter'];
    const sort = node.properties['dataPagefindSort'];
    const meta = node.properties['dataPagefindMeta'];
    if (typeof filter === 'string' && filter.includes(':') && !filter.startsWith('type:')) keep.push(`<span data-pagefind-filter="${escapeAttribute(filter)}"></span>`);
    if (typeof sort === 'string') keep.push(`<span data-pagefind-sort="${escapeAttribute(sort)}"></span>`);
    if (typeof meta === 'string' && meta.includes(':')) keep.push(`<span data-pagefind-meta="${escapeAttribute(meta)}"></span>`);
    if (meta === 'title') title = textOf(node);
  });
  if (!body) return [];
  const groups = new Map<FacetRole, { ids: string[]; headings: string[]; nodes: ElementContent[] }>();
  let current: { ids: string[]; headings: string[]; nodes: ElementContent[] } | undefined;
  for (const child of body.children) {
    if (child.type === 'element' && child.tagName === 'h2') {
      const role = child.properties['dataRole'];
      current = undefined;
      if (typeof role === 'string' && (FACET_ROLES as readonly string[]).includes(role)) {
        const group = groups.get(role as FacetRole) ?? { ids: [], headings: [], nodes: [] };
        groups.set(role as FacetRole, group);
        group.ids.push(String(child.properties['id'] ?? ''));
        group.headings.push(textOf(child).trim());
        current = group;
      }
    }
    current?.nodes.push(child);
  }
  return [...groups].map(([role, group]) => {
    const content = processor!.stringify({ type: 'root', children: group.nodes } as Root);
    const firstId = group.ids.find(Boolean);
    return {
      role,
      url: firstId ? `${pageUrl}#${firstId}` : pageUrl,
      html:
        `<!doctype html><html lang="zh-CN"><body><div data-pagefind-body>${keep.join('')}` +
        `<span data-pagefind-filter="type:section"></span><span data-pagefind-filter="role:${role}"></span>` +
        `<span data-pagefind-meta="title:${escapeAttribute(title.trim())}"></span>` +
        `<span data-pagefind-meta="section:${escapeAttribute(group.headings.join(' / '))}"></span>` +
        `${content}</div></body></html>`,
    };
  });
}

/**
 * The commitments of one paragraph or item, as one search record: a bundled paragraph is split
 * into many promises ("c-3-1-p2-s1", "-s2"…, a targets paragraph into "-t1"…), and one record per
 * promise would multiply the index for no gain in finding them.
 */
function groupByParagraph(commitments: NonNullable<ReportData['commitments']>) {
  const groups = new Map<string, { id: string; text: string; sectionPath: string[]; anchor: string }>();
  for (const commitment of commitments) {
    const key = commitment.id.replace(/-[st]\d+$/, '');
    const group = groups.get(key);
    // Indicators "国内生产总值增长5%左右" carry no stop of their own; keep them apart when joined.
    if (group) group.text += (/[\p{P}]$/u.test(group.text) ? '' : '；') + commitment.text;
    else groups.set(key, { ...commitment });
  }
  return [...groups.values()];
}

/** One record per paragraph or item of commitments of a report's analysis data (dist/data/reports/<id>.json). */
export function commitmentRecords(pageUrl: string, report: ReportData, language = 'zh-cn'): SearchCustomRecord[] {
  return groupByParagraph(report.commitments ?? []).map((commitment) => ({
    url: `${pageUrl}#${commitment.anchor}`,
    content: commitment.text,
    language,
    meta: {
      title: report.title,
      year: String(report.year),
      unit: report.unit,
      kind: report.kind,
      section: commitment.sectionPath.join(' › '),
      commitment: commitment.id,
    },
    filters: { year: [String(report.year)], unit: [report.unit], kind: [report.kind], type: ['commitment'], role: ['plans'] },
    sort: { year: String(report.year) },
  }));
}
