/**
 * Search quality, default Pagefind zh-CN indexing vs the spaced index
 * (src/lib/search/cjk-spacing.ts + src/search/client.ts), measured in headless
 * Chromium on a small archive made from ../shared (seed + corpus).
 *
 *   npx node bench/search-quality.ts [--verbose] [--limit=N]
 *
 * Ground truth: a page is relevant when every query term occurs in one of its
 * blocks (title, heading or paragraph), compared on normalised text
 * (normalizeText) with whole Latin/digit words at the edges ("26" is not in
 * "126"); the containment test is written here, apart from the code it checks.
 * Best page (top-1): most occurrences, a title/heading one counting 1 + 2.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { chromium, type Browser, type Page as Page_ } from 'playwright-core';
import { normalizeText } from '../src/lib/search/text-normalize.ts';
import { collectIncludeCharacters, spaceCjkHtml } from '../src/lib/search/cjk-spacing.ts';
import { buildSearchIndex } from '../src/lib/search/search-index.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const SHARED = path.resolve(ROOT, '../shared');
const VERBOSE = process.argv.includes('--verbose');
/** How many candidates the client loads and re-ranks; all of them by default, so recall is complete. */
const LIMIT = Number(process.argv.find((a) => a.startsWith('--limit='))?.slice(8) ?? 1000);

interface Block { tag: 'h1' | 'h2' | 'p'; text: string }
interface Page { url: string; year: string; source: string; blocks: Block[] }

const QUERIES = [
  // seed: words, substrings across word boundaries, digits
  '三会一课', '员干部', '党员干部', '集体学习26次', '第一议题', '三审三校', '党风廉政建设', '意识形态工作责任制',
  '能力作风建设年', '13710', '4.8万', '红25军', '建党100周年', 'XXX', '坚持以习近平新时代中国特色社会主义思想为指导',
  '以学开路、以学明理', '学党史·庆五一', '主题党日', '中心组', '党 课', '三会一课 主题党日', '“第一责任人”',
  // single characters
  '党', '课', '粮',
  // corpus: traditional 1954 with simplified (and traditional) queries
  '中华人民共和国宪法', '第一个五年计划', '国民经济', '國民經濟', '社会主义工业化', '卫生工作', '举行',
  // full-width digits (1956, 1985, 1993) and spaced digits (1998)
  '1992年', '１９９２年', '24000亿元', '1993年3月', '74772亿元', '8.8%', '1997年粮食产量',
  // modern reports
  '乡镇企业', '菜篮子', '西部大开发', '科教兴国', '供给侧结构性改革', '疫情防控', '呼伦贝尔', '政府工作报告',
  // absent
  '人工智能', '第二议题', '区块链技术', '元宇宙', '三会两课',
];

function paragraphsOf(file: string): string[] {
  // One paragraph a line (the seed) or separated by blank lines (the corpus).
  return fs.readFileSync(path.join(SHARED, file), 'utf8').split(/\n+/).filter((p) => p.trim());
}

function chunk<T>(items: T[], count: number): T[][] {
  const cut = (i: number) => Math.round((i * items.length) / count);
  return Array.from({ length: count }, (_, i) => items.slice(cut(i), cut(i + 1))).filter((c) => c.length);
}

function toBlock(text: string): Block {
  const heading = text.length <= 40 && /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/.test(text.trim());
  return { tag: heading ? 'h2' : 'p', text };
}

function makeArchive(): Page[] {
  const sources: [string, string, string, number][] = [
    ['seeds/000_b79b53dc5c4bd550.txt', '2021', '述职报告', 4],
    ['corpus/gov-work-reports/1954.txt', '1954', '国务院', 3],
    ['corpus/gov-work-reports/1956.txt', '1956', '国务院', 2],
    ['corpus/gov-work-reports/1957.txt', '1957', '国务院', 2],
    ['corpus/gov-work-reports/1985.txt', '1985', '国务院', 2],
    ['corpus/gov-work-reports/1993.txt', '1993', '国务院', 3],
    ['corpus/gov-work-reports/1998.txt', '1998', '国务院', 3],
    ['corpus/gov-work-reports/2003.txt', '2003', '国务院', 2],
    ['corpus/gov-work-reports/2010.txt', '2010', '国务院', 2],
    ['corpus/gov-work-reports/2021.txt', '2021', '国务院', 3],
    ['corpus/hailar-district-gov-work-reports/2016.txt', '2016', '海拉尔区', 2],
    ['corpus/hailar-district-gov-work-reports/2019.txt', '2019', '海拉尔区', 2],
  ];
  return sources.flatMap(([file, year, source, parts]) =>
    chunk(paragraphsOf(file), parts).map((paragraphs, i) => ({
      url: `/r/${source === '国务院' ? 'gov' : source === '海拉尔区' ? 'hailar' : 'seed'}-${year}-${i + 1}/`,
      year,
      source,
      blocks: [{ tag: 'h1' as const, text: `${year}年${source}报告（第${i + 1}部分）` }, ...paragraphs.map(toBlock)],
    })),
  );
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function toHtml(page: Page): string {
  const body = page.blocks
    .map((b, i) => (b.tag === 'p' ? `<p>${escapeHtml(b.text)}</p>` : `<${b.tag} id="s${i}">${escapeHtml(b.text)}</${b.tag}>`))
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${page.url}</title></head><body>
<main data-pagefind-body data-pagefind-filter="来源:${page.source}" data-pagefind-sort="year:${page.year}">
${body}
</main></body></html>`;
}

// ---- ground truth (independent containment on normalised text) ----
const WORD = /[\p{L}\p{N}_]/u;
function isWordEdge(text: string, at: number, outward: number): boolean {
  const inner = text[at] ?? '';
  const outer = text[at + outward] ?? '';
  if (!WORD.test(inner) || /\p{Script=Han}/u.test(inner)) return true;
  if (WORD.test(outer) && !/\p{Script=Han}/u.test(outer)) return false;
  // "2.6" and "24,000" are one number
  return !(/[.,]/.test(outer) && /[0-9]/.test(inner) && /[0-9]/.test(text[at + 2 * outward] ?? ''));
}
function occurrences(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    if (isWordEdge(text, at, -1) && isWordEdge(text, at + needle.length - 1, 1)) {
      count++;
      at += needle.length - 1;
    }
  }
  return count;
}
function queryTerms(query: string): string[] {
  const quoted = [...query.matchAll(/“([^”]*)”|"([^"]*)"/g)].map((m) => m[1] ?? m[2] ?? '');
  const rest = query.replace(/“[^”]*”|"[^"]*"/g, ' ').split(/[\s\u3000]+/);
  return [...quoted, ...rest].map((t) => normalizeText(t)).filter(Boolean);
}

interface Truth { relevant: Set<string>; best: Set<string> }
function groundTruth(pages: Page[], query: string): Truth {
  const terms = queryTerms(query);
  const relevant = new Set<string>();
  const weights = new Map<string, number>();
  for (const page of pages) {
    const blocks = page.blocks.map((b) => ({ tag: b.tag, text: normalizeText(b.text) }));
    const found = terms.every((t) => blocks.some((b) => occurrences(b.text, t) > 0));
    if (!found) continue;
    relevant.add(page.url);
    const weight = terms.reduce(
      (sum, t) => sum + blocks.reduce((s, b) => s + occurrences(b.text, t) * (b.tag === 'p' ? 1 : 3), 0),
      0,
    );
    weights.set(page.url, weight);
  }
  const max = Math.max(0, ...weights.values());
  return { relevant, best: new Set([...weights].filter(([, w]) => w === max).map(([url]) => url)) };
}

// ---- static server counting the bytes of index chunks and fragments ----
function serve(roots: Record<string, string>) {
  let bytes = 0;
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const prefix = Object.keys(roots).find((p) => url.startsWith(p));
    const file = prefix ? path.join(roots[prefix] ?? '', url.slice(prefix.length)) : '';
    fs.readFile(file.endsWith('/') ? `${file}index.html` : file, (err, data) => {
      if (err) {
        res.writeHead(404).end();
        return;
      }
      if (/\.pf_(index|fragment|filter)$/.test(file)) bytes += data.length;
      const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/octet-stream';
      res.writeHead(200, { 'content-type': type }).end(data);
    });
  });
  return {
    server,
    takeBytes: () => [bytes, (bytes = 0)][0] as number,
    listen: () => new Promise<number>((r) => server.listen(0, '127.0.0.1', () => r((server.address() as AddressInfo).port))),
  };
}

function dirSize(dir: string, filter: (f: string) => boolean): number {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && filter(path.join(e.parentPath, e.name)))
    .reduce((sum, e) => sum + fs.statSync(path.join(e.parentPath, e.name)).size, 0);
}

type Engine = 'default' | 'quoted' | 'ours';
interface Run { urls: string[]; ms: number; bytes: number; excerpt: string; total: number }

/**
 * One page per engine. Before each query Pagefind is destroyed and
 * initialised again (untimed), so every query starts with no index chunk or
 * fragment in memory, as on a fresh visit, but with a warm browser.
 */
async function openEngine(browser: Browser, port: number, engine: Engine) {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/${engine === 'ours' ? 'ours' : 'default'}/search.html`);
  await page.evaluate(async ([engine, limit]) => {
    const w = window as unknown as Record<string, unknown>;
    const pf = await import(`/${engine === 'ours' ? 'ours' : 'default'}/pagefind/pagefind.js`);
    if (engine === 'ours') {
      const { createSearchClient } = (await import('/ours/client.js' as string)) as typeof import('../src/search/client.ts');
      let client = createSearchClient('/ours/pagefind/');
      w['reset'] = async () => {
        await pf.destroy();
        client = createSearchClient('/ours/pagefind/');
        await client.init();
      };
      w['engine'] = async (q: string) => {
        const { hits, total } = await client.searchWithTotal(q, { limit: Number(limit) });
        return { urls: hits.map((h) => h.url), excerpt: hits[0]?.excerpt ?? '', total };
      };
    } else {
      w['reset'] = async () => {
        await pf.destroy();
        await pf.init();
      };
      w['engine'] = async (q: string) => {
        const search = await pf.search(engine === 'quoted' ? `"${q}"` : q);
        const data = await Promise.all(search.results.map((r: { data(): Promise<{ url: string; excerpt: string }> }) => r.data()));
        return { urls: data.map((d) => d.url), excerpt: data[0]?.excerpt ?? '', total: data.length };
      };
    }
  }, [engine, String(LIMIT)] as const);
  return page;
}

async function runQuery(page: Page_, query: string, takeBytes: () => number): Promise<Run> {
  await page.evaluate(async () => (window as unknown as { reset: () => Promise<void> }).reset());
  takeBytes();
  const run = await page.evaluate(async (q) => {
    const started = performance.now();
    const engine = (window as unknown as { engine: (q: string) => Promise<{ urls: string[]; excerpt: string; total: number }> }).engine;
    const result = await engine(q);
    return { ...result, ms: performance.now() - started };
  }, query);
  return { ...run, urls: run.urls.map((u) => u.replace(/^\/(ours|default)/, '')), bytes: takeBytes() };
}

/** How Pagefind itself treats several quoted phrases, and how it scores a quoted search. */
async function checkPagefindBehaviour(page: Page_) {
  return page.evaluate(async () => {
    const pf = await import('/ours/pagefind/pagefind.js' as string);
    const ids = async (q: string): Promise<string[]> => (await pf.search(q)).results.map((r: { id: string }) => r.id).sort();
    const first = await ids('"三 会 一 课"');
    const second = await ids('"主 题 党 日"');
    const together = await ids('"三 会 一 课" "主 题 党 日"');
    const joined = await ids('"三 会 一 课 主 题 党 日"');
    const scores: number[] = (await pf.search('"党"')).results.map((r: { score: number }) => r.score);
    return {
      first: first.length,
      second: second.length,
      intersection: first.filter((id) => second.includes(id)).length,
      together: together.length,
      joined: joined.length,
      sameAsJoined: together.join() === joined.join(),
      results: scores.length,
      distinctScores: new Set(scores).size,
    };
  });
}

function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianjian-search-bench-'));
  try {
    const pages = makeArchive();
    const indexPages = pages.map((p) => ({ url: p.url, html: toHtml(p) }));
    const searchPage = '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body></body></html>';
    const dirs = { default: path.join(tmp, 'default'), ours: path.join(tmp, 'ours') };
    for (const dir of Object.values(dirs)) {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'search.html'), searchPage);
    }
    let started = performance.now();
    await buildSearchIndex({ pages: indexPages, outputPath: path.join(dirs.default, 'pagefind') });
    const defaultBuildMs = performance.now() - started;
    started = performance.now();
    await buildSearchIndex({
      pages: indexPages,
      outputPath: path.join(dirs.ours, 'pagefind'),
      transformHtml: spaceCjkHtml,
      includeCharacters: collectIncludeCharacters,
    });
    const oursBuildMs = performance.now() - started;
    const bundle = await build({
      entryPoints: [path.join(ROOT, 'src/search/client.ts')],
      bundle: true, format: 'esm', minify: true, write: false, platform: 'browser', logLevel: 'error',
    });
    const clientJs = bundle.outputFiles[0]?.contents ?? new Uint8Array();
    fs.writeFileSync(path.join(dirs.ours, 'client.js'), clientJs);

    const { server, takeBytes, listen } = serve({ '/default/': dirs.default, '/ours/': dirs.ours });
    const port = await listen();
    const browser = await chromium.launch({
      executablePath: process.env['CHROMIUM'] ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    const engines: Engine[] = ['default', 'quoted', 'ours'];
    let behaviour: Awaited<ReturnType<typeof checkPagefindBehaviour>> | undefined;
    const stats = Object.fromEntries(engines.map((e) => [e, { recall: [] as number[], precision: [] as number[], top1: [] as number[], ms: [] as number[], bytes: [] as number[], absentHits: 0, dropped: 0 }]));
    try {
      const opened = Object.fromEntries(await Promise.all(engines.map(async (e) => [e, await openEngine(browser, port, e)] as const)));
      for (const query of QUERIES) {
        const truth = groundTruth(pages, query);
        const line: string[] = [`${query} [${truth.relevant.size}]`];
        for (const engine of engines) {
          const run = await runQuery(opened[engine]!, query, takeBytes);
          const s = stats[engine]!;
          const hits = run.urls.filter((u) => truth.relevant.has(u)).length;
          if (truth.relevant.size > 0) {
            s.recall.push(hits / truth.relevant.size);
            s.top1.push(truth.best.has(run.urls[0] ?? '') ? 1 : 0);
          } else if (run.urls.length > 0) {
            s.absentHits++;
          }
          if (run.urls.length > 0) s.precision.push(hits / run.urls.length);
          else if (truth.relevant.size === 0) s.precision.push(1);
          s.ms.push(run.ms);
          s.bytes.push(run.bytes);
          s.dropped += Math.min(run.total, LIMIT) - run.urls.length;
          line.push(`${engine}: ${run.urls.length} found, ${hits} right${truth.best.has(run.urls[0] ?? '') ? ', best first' : ''}`);
          if (VERBOSE && engine !== 'quoted') line.push(`    ${run.excerpt}`);
        }
        if (VERBOSE) console.log(line.join('\n  '));
      }
      behaviour = await checkPagefindBehaviour(opened['ours']!);
    } finally {
      await browser.close();
      server.close();
    }

    const indexFiles = (f: string) => /\.(pf_index|pf_fragment|pf_meta|pf_filter)$|pagefind-entry\.json$/.test(f);
    const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
    const kb = (v: number) => `${(v / 1024).toFixed(1)} KB`;
    const rows: [string, (e: Engine) => string][] = [
      ['recall (mean per query)', (e) => pct(mean(stats[e]!.recall))],
      ['precision (mean per query)', (e) => pct(mean(stats[e]!.precision))],
      ['absent queries with results', (e) => `${stats[e]!.absentHits} of ${QUERIES.filter((q) => groundTruth(pages, q).relevant.size === 0).length}`],
      ['best page first (top-1)', (e) => pct(mean(stats[e]!.top1))],
      ['Pagefind matches failing the exact check', (e) => (e === 'ours' ? String(stats[e]!.dropped) : '-')],
      ['index size (chunks+fragments+meta)', (e) => kb(dirSize(e === 'ours' ? dirs.ours : dirs.default, indexFiles))],
      ['  of which fragments', (e) => kb(dirSize(path.join(e === 'ours' ? dirs.ours : dirs.default, 'pagefind/fragment'), () => true))],
      ['bytes fetched per query (mean)', (e) => kb(mean(stats[e]!.bytes))],
      ['time per query (mean / median)', (e) => `${mean(stats[e]!.ms).toFixed(0)} / ${median(stats[e]!.ms).toFixed(0)} ms`],
      ['index build time', (e) => `${(e === 'ours' ? oursBuildMs : defaultBuildMs).toFixed(0)} ms`],
    ];
    console.log(`\n${pages.length} pages, ${QUERIES.length} queries; client bundle ${kb(clientJs.length)} (minified, with OpenCC's character tables)\n`);
    console.log(`${'metric'.padEnd(42)}${'default'.padEnd(18)}${'default "quoted"'.padEnd(18)}ours`);
    for (const [label, value] of rows) console.log(`${label.padEnd(42)}${value('default').padEnd(18)}${value('quoted').padEnd(18)}${value('ours')}`);
    if (behaviour) {
      const b = behaviour;
      console.log(`\nPagefind 1.6, spaced index: "三 会 一 课" → ${b.first} pages, "主 题 党 日" → ${b.second}, pages with both: ${b.intersection};`);
      console.log(`  both phrases in one query → ${b.together} pages, ${b.sameAsJoined ? 'the same as' : 'unlike'} the single phrase "三 会 一 课 主 题 党 日" (${b.joined});`);
      console.log(`  a quoted search for "党" returns ${b.results} pages with ${b.distinctScores} distinct score(s).`);
    }
  } finally {
    if (process.env['KEEP_BENCH_DIR']) console.log(`archive kept in ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
