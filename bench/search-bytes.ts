/**
 * Bytes a cold search transfers, as a reader's browser would fetch them.
 *
 *   npx node bench/search-bytes.ts <built site dir> [base] [query …] [--requests]
 *
 * For each query: a fresh browser context (nothing cached) opens the search page, then the query is
 * typed and submitted; every response from then until the first results are shown is counted
 * (Pagefind's script, WebAssembly, metadata, index chunks, filters and the fragments of the first
 * page of results). Prints a row per query and the median. Debian's chromium, as in the browser tests.
 */
import { chromium } from 'playwright-core';
import { serveStatic } from '../tests/e2e/static-server.ts';

const DEFAULT_QUERIES = ['乡村振兴', '高质量发展', '营商环境', '就业', '生态环境保护', '科技创新', '民生', '棚户区改造', '稳中求进', '国内生产总值'];

const args = process.argv.slice(2);
/** --requests: also print every response counted (path and body bytes), to see where the bytes go. */
const listRequests = args.includes('--requests');
const [siteDir, base = '/', ...given] = args.filter((arg) => arg !== '--requests');
if (!siteDir) {
  console.error('用法：npx node bench/search-bytes.ts <站点目录> [base] [检索词 …]');
  process.exit(2);
}
const queries = given.length > 0 ? given : DEFAULT_QUERIES;
const server = await serveStatic(siteDir, base);
const browser = await chromium.launch({
  executablePath: process.env['NIANJIAN_CHROMIUM'] || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const rows: { query: string; kb: number; requests: number; results: number; seconds: number }[] = [];
try {
  for (const query of queries) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(new URL('search/', server.url).href);
    await page.waitForLoadState('networkidle');
    const sizes: Promise<number>[] = [];
    page.on('requestfinished', (request) =>
      sizes.push(
        request.sizes().then((s) => {
          if (listRequests) console.log(`  ${query} ${String(s.responseBodySize).padStart(8)} ${new URL(request.url()).pathname}`);
          return s.responseBodySize + s.responseHeadersSize;
        }),
      ),
    );
    const started = performance.now();
    const input = page.getByLabel('检索词', { exact: true });
    await input.fill(query);
    await input.press('Enter');
    await page.waitForFunction(() => {
      const status = document.querySelector('[data-search-status]')?.textContent ?? '';
      return /找到|没有找到|检索出错/.test(status);
    }, undefined, { timeout: 60_000 });
    const seconds = (performance.now() - started) / 1000;
    await page.waitForLoadState('networkidle');
    const bytes = (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
    const results = await page.locator('[data-search-results] > li').count();
    rows.push({ query, kb: bytes / 1024, requests: sizes.length, results, seconds });
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
for (const row of rows) console.log(`${row.query.padEnd(8, '　')}  ${row.kb.toFixed(0).padStart(6)} KB  ${String(row.requests).padStart(3)} requests  ${String(row.results).padStart(3)} shown  ${row.seconds.toFixed(2)} s`);
const sorted = rows.map((row) => row.kb).sort((a, b) => a - b);
const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
console.log(`search bytes: median ${median.toFixed(0)} KB, max ${sorted.at(-1)!.toFixed(0)} KB over ${rows.length} cold queries (target ≤ 300 KB)`);
