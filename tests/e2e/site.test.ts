import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { validateReports } from '../../src/lib/validate-reports.ts';
import { listReportFiles, reportIdFromPath } from '../../src/node/content-source.ts';
import { repoRoot } from '../helpers/run-cli.ts';
import { findAccessibilityViolations, launchBrowser, openPage } from './browser.ts';

const siteUrl = inject('siteUrl');
const base = inject('siteBase');
const reportsDir = path.join(repoRoot, 'content/reports');
const files = listReportFiles(reportsDir);
const samples = validateReports(files.map((file) => ({ path: file, text: readFileSync(file, 'utf8') })), [
  '述职报告', '工作总结', '政府工作报告', '工作计划', '专项报告', '调研报告', '其他',
]).reports.map((report, i) => ({ ...report.data, body: report.body, id: reportIdFromPath(reportsDir, files[i]!) }));

/** A phrase from the archive that some reports contain and others do not, found in the content itself. */
function pickDistinctivePhrase(): { phrase: string; containing: typeof samples } {
  for (const sample of samples) {
    for (const match of sample.body.matchAll(/[\u4e00-\u9fff]{6}/g)) {
      const containing = samples.filter((s) => s.body.includes(match[0]));
      if (containing.length >= 2 && containing.length < samples.length && new Set(containing.map((s) => s.year)).size >= 2) {
        return { phrase: match[0], containing };
      }
    }
  }
  throw new Error('示例档案中找不到合适的检索词');
}

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(urlPath: string, options: { colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  page = await openPage(browser, new URL(urlPath, siteUrl).href, options);
  return page;
}

describe('browsing the archive under a base path', () => {
  it('shows the timeline of years on the home page and reaches a year page from it', async () => {
    const home = await open('');
    const years = [...new Set(samples.map((s) => s.year))].sort((a, b) => b - a);
    await expect.poll(() => home.locator('.timeline .year').allTextContents()).toEqual(years.map(String));
    await home.locator('.timeline').getByRole('link', { name: new RegExp(`^${years[0]}`) }).click();
    await home.waitForURL(`**${base}years/${years[0]}/`);
    expect(await home.locator('h1').textContent()).toBe(`${years[0]}年报告`);
    await home.close();
  });

  it('shows a report with its outline, and the outline links jump to the sections', async () => {
    const sample = samples.find((s) => s.body.includes('\n## '))!;
    const report = await open(`reports/${sample.id}/`);
    const firstTocLink = report.locator('.report-toc a').first();
    const target = await firstTocLink.getAttribute('href');
    await firstTocLink.click();
    expect(decodeURIComponent(new URL(report.url()).hash)).toBe(decodeURIComponent(target!));
    expect(await report.locator(`[id="${decodeURIComponent(target!.slice(1))}"]`).count()).toBe(1);
    await report.close();
  });

  it('lists the report’s commitments, each linking to its place in the text', async () => {
    const sample = samples[0]!;
    const report = await open(`reports/${sample.id}/`);
    const link = report.locator('.commitment-list a').first();
    const target = (await link.getAttribute('href'))!;
    expect(target).toMatch(/^#c-\d/);
    await link.click();
    expect(new URL(report.url()).hash).toBe(target);
    expect(await report.locator(`.report-body [id="${target.slice(1)}"]`).count()).toBe(1);
    await report.close();
  });

  it('prints a report as a clean document: no navigation, 仿宋 body, 黑体 headings', async () => {
    const sample = samples[0]!;
    const report = await open(`reports/${sample.id}/`);
    await report.emulateMedia({ media: 'print' });
    expect(await report.locator('.site-header').isVisible()).toBe(false);
    expect(await report.locator('.report-toc').isVisible()).toBe(false);
    expect(await report.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('FangSong');
    expect(await report.evaluate(() => getComputedStyle(document.querySelector('.report-body h2')!).fontFamily)).toContain('SimHei');
    const pdf = await report.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await report.close();
  });

  it('switches to a dark theme when the reader prefers it', async () => {
    const light = await open('');
    const lightBg = await light.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    await light.close();
    const dark = await open('', { colorScheme: 'dark' });
    const darkBg = await dark.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(darkBg).not.toBe(lightBg);
    expect(await findAccessibilityViolations(dark)).toEqual([]);
    await dark.close();
  });
});

describe('searching the archive', () => {
  const { phrase, containing } = pickDistinctivePhrase();

  it(`finds exactly the reports that contain a phrase, and follows a result to the report`, async () => {
    const search = await open('search/');
    await search.getByLabel('检索词', { exact: true }).fill(phrase);
    const results = search.locator('[data-search-results] > li');
    await expect.poll(() => results.count(), { timeout: 15_000 }).toBe(containing.length);
    expect(new URL(search.url()).searchParams.get('q')).toBe(phrase);
    const hrefs = await search.locator('[data-search-results] h3 a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
    expect(hrefs.map((h) => decodeURIComponent(h)).sort()).toEqual(containing.map((s) => `${base}reports/${s.id}/`).sort());
    expect(await search.locator('[data-search-results] mark').first().textContent()).toBeTruthy();
    await search.locator('[data-search-results] h3 a').first().click();
    await search.waitForURL(`**${base}reports/**`);
    expect(await search.locator('article[data-pagefind-body]').count()).toBe(1);
    await search.close();
  });

  it('narrows the results with a filter, and the filter is kept in the URL', async () => {
    const year = containing[0]!.year;
    const search = await open(`search/?q=${encodeURIComponent(phrase)}`);
    const results = search.locator('[data-search-results] > li');
    await expect.poll(() => results.count(), { timeout: 15_000 }).toBe(containing.length);
    await search.getByLabel('年份', { exact: true }).selectOption(String(year));
    const expected = containing.filter((s) => s.year === year).length;
    await expect.poll(() => results.count(), { timeout: 15_000 }).toBe(expected);
    expect(new URL(search.url()).searchParams.get('year')).toBe(String(year));
    for (const meta of await results.locator('.meta-line').allTextContents()) expect(meta).toContain(`${year}年`);
    await search.close();
  });

  it('reads a shared link with a query and filters', async () => {
    const unit = containing[0]!.unit;
    const search = await open(`search/?q=${encodeURIComponent(phrase)}&unit=${encodeURIComponent(unit)}`);
    const results = search.locator('[data-search-results] > li');
    await expect.poll(() => results.count(), { timeout: 15_000 }).toBe(containing.filter((s) => s.unit === unit).length);
    expect(await search.getByLabel('检索词', { exact: true }).inputValue()).toBe(phrase);
    expect(await search.getByLabel('单位', { exact: true }).inputValue()).toBe(unit);
    await search.close();
  });

  it('highlights the phrase on the report a result opens, and clears the highlights on request', async () => {
    const search = await open(`search/?q=${encodeURIComponent(phrase)}`);
    await expect.poll(() => search.locator('[data-search-results] > li').count(), { timeout: 15_000 }).toBe(containing.length);
    const href = (await search.locator('[data-search-results] h3 a').first().getAttribute('href'))!;
    expect(new URL(href, search.url()).searchParams.get('hl')).toBe(phrase);
    await search.locator('[data-search-results] h3 a').first().click();
    await search.waitForURL(`**${base}reports/**`);
    const opened = samples.find((s) => decodeURIComponent(new URL(search.url()).pathname) === `${base}reports/${s.id}/`)!;
    const expectedCount = opened.body.split(phrase).length - 1;
    const marks = search.locator('.report-body mark.search-hit');
    await expect.poll(() => marks.count()).toBeGreaterThanOrEqual(expectedCount);
    // Every highlight reads as the phrase once its pieces are joined (a match may span several elements).
    const joined = await search.locator('.report-body').evaluate((body) => {
      const texts: string[] = [];
      let current = '';
      let last: Element | null = null;
      for (const mark of body.querySelectorAll('mark.search-hit')) {
        const adjacent = last && last.nextSibling === mark;
        if (!adjacent && current) texts.push(current), (current = '');
        current += mark.textContent;
        last = mark;
      }
      if (current) texts.push(current);
      return texts;
    });
    expect(joined.length).toBe(expectedCount);
    expect(new Set(joined)).toEqual(new Set([phrase]));
    expect(await findAccessibilityViolations(search)).toEqual([]);
    await search.getByRole('button', { name: '清除高亮' }).click();
    expect(await marks.count()).toBe(0);
    expect(new URL(search.url()).searchParams.has('hl')).toBe(false);
    await search.close();
  });

  it('scrolls to the first highlight when the link has no section hash, and says when nothing matched', async () => {
    const sample = containing[0]!;
    const report = await open(`reports/${sample.id}/?hl=${encodeURIComponent(phrase)}`);
    const first = report.locator('.report-body mark.search-hit').first();
    await expect.poll(() => first.isVisible()).toBe(true);
    await expect.poll(() => first.evaluate((mark) => {
      const box = mark.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    })).toBe(true);
    await report.close();
    const none = await open(`reports/${sample.id}/?hl=${encodeURIComponent('人工智能大模型')}`);
    expect(await none.locator('mark.search-hit').count()).toBe(0);
    expect(await none.locator('.highlight-bar').textContent()).toContain('没有找到');
    await none.close();
  });

  it('lists matches under the header box, and arrows and Enter open one', async () => {
    const home = await open('years/');
    await home.keyboard.press('/');
    await home.keyboard.type(phrase);
    const options = home.locator('#header-results [role="option"]');
    await expect.poll(() => options.count(), { timeout: 15_000 }).toBe(Math.min(containing.length, 8));
    expect(await home.locator('#header-q').getAttribute('aria-expanded')).toBe('true');
    await home.keyboard.press('ArrowDown');
    await home.keyboard.press('ArrowDown');
    expect(await home.locator('#header-q').getAttribute('aria-activedescendant')).toBe('header-result-1');
    const chosen = await options.nth(1).getAttribute('data-href');
    expect(await findAccessibilityViolations(home)).toEqual([]);
    await home.keyboard.press('Enter');
    await home.waitForURL((url) => url.href.includes('/reports/') && url.searchParams.get('hl') === phrase);
    expect(new URL(home.url()).pathname).toBe(new URL(chosen!, home.url()).pathname);
    await home.close();
  });

  it('searches from the header box of any page, focused with the / key', async () => {
    const home = await open('');
    await home.keyboard.press('/');
    expect(await home.evaluate(() => document.activeElement?.id)).toBe('header-q');
    await home.keyboard.type(phrase);
    await home.keyboard.press('Enter');
    await home.waitForURL(`**${base}search/?q=*`);
    await expect.poll(() => home.locator('[data-search-results] > li').count(), { timeout: 15_000 }).toBe(containing.length);
    await home.close();
  });
});

describe('accessibility (axe-core, WCAG 2 A/AA)', () => {
  const year = samples[0]!.year;
  for (const [name, urlPath] of [
    ['home', ''],
    ['year', `years/${year}/`],
    ['report', `reports/${samples[0]!.id}/`],
    ['unit', `units/${samples[0]!.unit}/`],
  ] as const) {
    it(`has no violations on the ${name} page`, async () => {
      const target = await open(urlPath);
      expect(await findAccessibilityViolations(target)).toEqual([]);
      await target.close();
    });
  }

  it('has no violations on the search page with results shown', async () => {
    const { phrase } = pickDistinctivePhrase();
    const search = await open(`search/?q=${encodeURIComponent(phrase)}`);
    await expect.poll(() => search.locator('[data-search-results] > li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await findAccessibilityViolations(search)).toEqual([]);
    await search.close();
  });
});

describe('the test host', () => {
  // The search bytes bench counts what this server sends: it must compress text as a real static host does,
  // and send Pagefind's own files, which are gzip already, as they are.
  it('gzips text for a browser that accepts it and leaves Pagefind’s files as built', async () => {
    const searchPage = await fetch(new URL('search/', siteUrl), { headers: { 'accept-encoding': 'gzip' } });
    expect(searchPage.headers.get('content-encoding')).toBe('gzip');
    expect(await searchPage.text()).toContain('检索词');
    const script = await fetch(new URL('pagefind/pagefind.js', siteUrl), { headers: { 'accept-encoding': 'gzip' } });
    expect(script.headers.get('content-encoding')).toBe('gzip');
    const entry = (await (await fetch(new URL('pagefind/pagefind-entry.json', siteUrl))).json()) as { languages: Record<string, { hash: string }> };
    const { hash } = Object.values(entry.languages)[0]!;
    const meta = await fetch(new URL(`pagefind/pagefind.${hash}.pf_meta`, siteUrl), { headers: { 'accept-encoding': 'gzip' } });
    expect(meta.status).toBe(200);
    expect(meta.headers.get('content-encoding')).toBeNull();
    const plain = await fetch(new URL('pagefind/pagefind.js', siteUrl), { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
  });
});
