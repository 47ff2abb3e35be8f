import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { collectIncludeCharacters, spaceCjkHtml, spaceCjkText } from '../lib/search/cjk-spacing.ts';
import { buildSearchIndex, type SearchIndexPage, type SearchIndexRecord } from '../lib/search/search-index.ts';
import { commitmentRecords, roleSectionPages, type ReportData } from '../lib/search/search-records.ts';

async function listHtmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Indexes the written report pages of a built site. Pagefind reads a copy in which every CJK character
 * stands apart (src/lib/search/cjk-spacing.ts), so a search finds any run of characters, as Ctrl+F does;
 * the pages stay as written. Besides each page (type=report): one record per report and section role
 * (type=section) and one per commitment (type=commitment, from data/reports/<id>.json); why, in
 * src/lib/search/search-records.ts. Returns how many reports were indexed.
 */
export async function indexSite(outDir: string): Promise<number> {
  const pages: SearchIndexPage[] = [];
  const records: SearchIndexRecord[] = [];
  for (const file of await listHtmlFiles(outDir)) {
    const html = await readFile(file, 'utf8');
    if (!html.includes('data-pagefind-body')) continue;
    const relative = path.relative(outDir, file).split(path.sep).join('/');
    // Pagefind's browser code prefixes the site's base (from where pagefind.js is served) to every URL.
    const url = `/${relative.replace(/(^|\/)index\.html$/, '$1')}`;
    pages.push({ url, html });
    pages.push(...roleSectionPages(url, html).map(({ url, html }) => ({ url, html })));
    const id = /^\/reports\/(.+)\/$/.exec(url)?.[1];
    if (!id) continue;
    const data = await readFile(path.join(outDir, 'data', 'reports', `${id}.json`), 'utf8').catch(() => undefined);
    if (data) records.push(...commitmentRecords(url, JSON.parse(data) as ReportData));
  }
  const reportCount = pages.filter((page) => !page.url.includes('#')).length;
  await buildSearchIndex({
    pages,
    records,
    outputPath: path.join(outDir, 'pagefind'),
    transformHtml: spaceCjkHtml,
    transformText: spaceCjkText,
    includeCharacters: collectIncludeCharacters,
  });
  return reportCount;
}
