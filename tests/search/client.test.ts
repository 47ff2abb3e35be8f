/**
 * The browser client against a real Pagefind 1.6 bundle built from the seed
 * and corpus. Pagefind's pagefind.js and WebAssembly run in Node too: only
 * fetch needs to read the bundle's file: URLs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/lib/search/search-index.ts';
import { collectIncludeCharacters, spaceCjkHtml } from '../../src/lib/search/cjk-spacing.ts';
import { countOccurrences } from '../../src/lib/search/search-excerpt.ts';
import { parseSearchQuery } from '../../src/lib/search/search-query.ts';
import { createSearchClient, type SearchClient } from '../../src/search/client.ts';

const shared = (file: string) => fs.readFileSync(path.resolve(import.meta.dirname, '../../../shared', file), 'utf8');

interface ArchivePage {
  url: string;
  year: string;
  text: string;
}

/** Seed and corpus paragraphs, a few pages per report, with an id on each page's section heading. */
function makeArchive(): ArchivePage[] {
  const sources: [string, string, number][] = [
    ['seeds/000_b79b53dc5c4bd550.txt', '2021', 3],
    ['corpus/gov-work-reports/1954.txt', '1954', 2],
    ['corpus/gov-work-reports/1993.txt', '1993', 2],
    ['corpus/gov-work-reports/1998.txt', '1998', 2],
    ['corpus/hailar-district-gov-work-reports/2016.txt', '2016', 1],
  ];
  return sources.flatMap(([file, year, parts]) => {
    const lines = shared(file).split(/\n+/).filter((line) => line.trim());
    const size = Math.ceil(lines.length / parts);
    return Array.from({ length: parts }, (_, i) => ({
      url: `/${year}/${i + 1}/`,
      year,
      text: lines.slice(i * size, (i + 1) * size).join('\n'),
    }));
  });
}

const titleOf = (page: ArchivePage) => `${page.year}年报告 第${page.url.split('/')[2]}部分`;
const headingOf = (page: ArchivePage) => page.text.slice(0, 30);

function toHtml(page: ArchivePage): string {
  return `<!doctype html><html lang="zh-CN"><body>
<main data-pagefind-body data-pagefind-filter="year:${page.year}" data-pagefind-sort="year:${page.year}">
<h1>${titleOf(page)}</h1><h2 id="start">${headingOf(page)}</h2>
${page.text.split('\n').map((line) => `<p>${line}</p>`).join('\n')}</main></body></html>`;
}

/** The pages that hold every term of the query, by the definition the client promises. */
function pagesHolding(pages: ArchivePage[], query: string): string[] {
  const terms = parseSearchQuery(query);
  return pages.filter((page) => terms.every((term) => countOccurrences(page.text, term) > 0)).map((page) => page.url);
}

describe('createSearchClient', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianjian-search-client-'));
  const pages = makeArchive();
  const realFetch = globalThis.fetch;
  let client: SearchClient;

  beforeAll(async () => {
    await buildSearchIndex({
      pages: pages.map((page) => ({ url: page.url, html: toHtml(page) })),
      outputPath: path.join(tmp, 'pagefind'),
      transformHtml: spaceCjkHtml,
      includeCharacters: collectIncludeCharacters,
    });
    globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      if (!url.startsWith('file:')) return realFetch(input, init);
      return new Response(fs.readFileSync(fileURLToPath(url.replace(/\?.*$/, ''))));
    }) as typeof fetch;
    client = createSearchClient(`${pathToFileURL(path.join(tmp, 'pagefind')).href}/`, { baseUrl: '/' });
    await client.init();
  }, 60_000);

  afterAll(() => {
    globalThis.fetch = realFetch;
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const urls = async (query: string, options = {}) => (await client.search(query, { limit: 100, ...options })).map((hit) => hit.url);

  it('finds exactly the pages that hold a phrase, also inside words', async () => {
    for (const query of ['三会一课', '员干部', '集体学习26次', '意识形态工作责任制', '党']) {
      expect((await urls(query)).sort(), query).toEqual(pagesHolding(pages, query).sort());
    }
    expect(pagesHolding(pages, '员干部').length).toBeGreaterThan(0);
  });

  it('finds traditional, full-width and typeset text with ordinary queries', async () => {
    expect((await urls('中华人民共和国宪法')).sort()).toEqual(['/1954/1/', '/1954/2/']);
    expect(pagesHolding(pages, '中华人民共和国宪法')).toEqual(['/1954/1/', '/1954/2/']);
    expect(await urls('1992年国民生产总值')).toEqual(['/1993/1/']);
    expect(await urls('１９９２年国民生产总值')).toEqual(['/1993/1/']);
    expect(await urls('1993年3月')).toEqual(['/1998/1/']);
  });

  it('returns nothing for absent phrases or an empty query', async () => {
    expect(await urls('人工智能')).toEqual([]);
    expect(await urls('三会两课')).toEqual([]);
    expect(await urls('  ')).toEqual([]);
  });

  it('requires every term, even when Pagefind alone would read them as one phrase', async () => {
    expect((await urls('三会一课 主题党日')).sort()).toEqual(pagesHolding(pages, '三会一课 主题党日').sort());
    expect(await urls('三会一课 中华人民共和国宪法')).toEqual([]);
    expect(pagesHolding(pages, '主题党日').length).toBeGreaterThan(pagesHolding(pages, '三会一课 主题党日').length);
  });

  it('orders the hits by exact occurrences and cleans what it shows', async () => {
    const hits = await client.search('党员干部', { limit: 100 });
    const counts = hits.map((hit) => hit.occurrences);
    expect(counts[0]).toBe(Math.max(...counts));
    const shown = (page: ArchivePage) => [titleOf(page), headingOf(page), page.text].join('\n');
    expect(counts[0]).toBe(Math.max(...pages.map((page) => countOccurrences(shown(page), '党员干部'))));
    const [best] = hits;
    // The index copy is normalised: a space next to a CJK character is not kept.
    expect(best?.title).toMatch(/^2021年报告第\d部分$/);
    expect(best?.excerpt).toContain('<mark>党员干部</mark>');
    expect(best?.excerpt).not.toMatch(/[\u4e00-\u9fff] [\u4e00-\u9fff]/);
    expect(best?.subResults.some((sub) => sub.url.endsWith('#start'))).toBe(true);
  });

  it('marks every term of a multi-term query in the excerpt', async () => {
    const [hit] = await client.search('三会一课 主题党日');
    expect(hit?.excerpt).toContain('<mark>三会一课</mark>');
    expect(hit?.excerpt).toContain('<mark>主题党日</mark>');
  });

  it('applies filters and sorts, and lists the filter values', async () => {
    expect(await client.filters()).toEqual({ year: { '1954': 2, '1993': 2, '1998': 2, '2016': 1, '2021': 3 } });
    expect(new Set((await urls('国民经济', { filters: { year: '1993' } })).map((u) => u.split('/')[1]))).toEqual(new Set(['1993']));
    const sorted = await urls('国民经济', { sort: { year: 'asc' } });
    expect(sorted).toEqual([...sorted].sort());
    expect(sorted.length).toBe(pagesHolding(pages, '国民经济').length);
  });

  it('loads only the best matches up to the limit, and counts them all', async () => {
    const { hits, total } = await client.searchWithTotal('党', { limit: 3 });
    expect(hits).toHaveLength(3);
    expect(total).toBe(pagesHolding(pages, '党').length);
  });
});
