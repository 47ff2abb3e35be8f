import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { collectIncludeCharactersOfPages, spaceCjkHtml } from '../lib/search/cjk-spacing.ts';
import { createStreamingSearchIndex, indexChunkSize } from '../lib/search/search-index.ts';
import { toHeadingId } from '../lib/structure/analyze.ts';
import { parseReportDataFile, REPORT_DATA_SUFFIX } from '../lib/compare/report-data.ts';
import { formatRoleMeta } from '../lib/search/search-scope.ts';

async function listHtmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** What the indexer reads of a report's data file (data/reports/<id>.json.gz). */
interface ReportScopeData {
  sections?: { id: string; role: string }[];
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Metadata for the role facet (src/lib/search/search-scope.ts), as an ignored element inside the body. */
function roleMetaHtml(data: ReportScopeData): string {
  const roles = formatRoleMeta((data.sections ?? []).map((s) => ({ id: toHeadingId(s.id), role: s.role })));
  return `<span data-pagefind-ignore data-pagefind-meta="roles">${escapeText(roles)}</span>`;
}

/**
 * Pagefind records every element with an id as an anchor holding the element's whole text: the
 * commitments' paragraphs (ids c-…) would carry the plans part a second time in each fragment a
 * browser loads. Only the headings' anchors are read (sub-results, the role facet): drop the others.
 */
function dropCommitmentIds(html: string): string {
  return html.replace(/<a id="c-[\w-]+"><\/a>/g, '').replace(/(<p) id="c-[\w-]+"/g, '$1');
}

/**
 * Indexes the written report pages of a built site: one record per report, as a bare Pagefind site has.
 * Pagefind reads a copy in which every CJK character stands apart (src/lib/search/cjk-spacing.ts), so a
 * search finds any run of characters, as Ctrl+F does; the pages stay as written. The copy also carries
 * each report's section roles as metadata, from which the browser scopes a search to a role.
 * A first pass over the pages as written finds the marks Pagefind must keep as words; the second hands
 * each page's copy to Pagefind as soon as it is made, so that Pagefind's process indexes while this one
 * reads and spaces the next page. Returns how many reports were indexed.
 */
export async function indexSite(outDir: string): Promise<number> {
  const pages: { file: string; url: string; id: string | undefined }[] = [];
  /** Each page's marks: a few hundred characters each, not the pages. */
  const marks: string[] = [];
  for (const file of await listHtmlFiles(outDir)) {
    const html = await readFile(file, 'utf8');
    if (!html.includes('data-pagefind-body')) continue;
    const relative = path.relative(outDir, file).split(path.sep).join('/');
    // Pagefind's browser code prefixes the site's base (from where pagefind.js is served) to every URL.
    const url = `/${relative.replace(/(^|\/)index\.html$/, '$1')}`;
    pages.push({ file, url, id: /^\/reports\/(.+)\/$/.exec(url)?.[1] });
    marks.push([...new Set(html.match(/[\p{P}\p{S}]/gu))].join(''));
  }
  // The metadata added below holds no text that a search should match: the marks come from the pages.
  const index = await createStreamingSearchIndex({
    includeCharacters: collectIncludeCharactersOfPages(marks),
    indexChunkSize: indexChunkSize(pages.length),
  });
  try {
    for (const { file, url, id } of pages) {
      const html = await readFile(file, 'utf8');
      const bytes = id ? await readFile(path.join(outDir, 'data', 'reports', `${id}${REPORT_DATA_SUFFIX}`)).catch(() => undefined) : undefined;
      const data = bytes ? await parseReportDataFile<ReportScopeData>(bytes) : undefined;
      const spaced = spaceCjkHtml(dropCommitmentIds(html));
      await index.add({ url, html: data ? spaced.replace(/<[^>]*\bdata-pagefind-body\b[^>]*>/, (open) => open + roleMetaHtml(data)) : spaced });
    }
  } catch (error) {
    await index.close();
    throw error;
  }
  return index.write(path.join(outDir, 'pagefind'));
}
