/**
 * The search page against ground truth: for a fixed set of queries, the reports it lists must be
 * exactly those whose text contains the phrase (normalised on both sides, src/lib/search/text-normalize.ts),
 * on the sample archive and on the real government work reports of ../shared/corpus.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { normalizeText } from '../../src/lib/search/text-normalize.ts';
import { runCli, sharedDir } from '../helpers/run-cli.ts';
import { findAccessibilityViolations, launchBrowser, openPage } from './browser.ts';
import { serveStatic } from './static-server.ts';
import { type IndexedReport, containsPhrase, readIndexedReports, reportsContaining } from './search-truth.ts';
import { readAllReportDataFiles } from '../helpers/report-data-files.ts';
import { commitmentAnchorOf } from '../../src/lib/compare/report-data.ts';

/** The page lists at most this many results (src/components/search-page.ts). */
const PAGE_LIMIT = 50;

const SAMPLE_QUERIES = [
  // terms
  '三会一课', '巡回指导', '意识形态', '城市书房', '基层党组织', '理论学习中心组', '党风廉政建设', '主体责任', '疫情防控', '营商环境', '东城区', '学会党建', '落实',
  // across word boundaries, quoted, single characters
  '员干部', '中心组', '“三会一课”', '湖', '党', '书',
  // digits, full-width digits
  '集体学习26次', '２０２２', '2022年',
];

const CORPUS_QUERIES = [
  // terms and long phrases
  '改革开放', '社会主义市场经济', '国有企业改革', '营商环境', '意识形态', '党风廉政建设', '主体责任', '一岗双责', '疫情防控',
  '供给侧结构性改革', '乡村振兴', '脱贫攻坚', '西部大开发', '南水北调', '三峡工程', '呼伦贝尔', '棚户区改造',
  '全面建设小康社会', '坚持稳中求进工作总基调', '以经济建设为中心',
  // substrings across word boundaries
  '员干部', '革开', '济体制改', '场经济体',
  // single characters
  '宪', '鄂', '湖', '书',
  // Chinese with digits, full-width digits, spaced digits (1998: "1 9 9 3 年3 月")
  '1993年', '1993年3月', '1997年', '１９７９年', '２０２２', '2022年', '3000万',
  // traditional text (1954) through simplified queries
  '中华人民共和国宪法', '过渡时期的总任务', '国家的社会主义工业化', '人民代表大会',
];

/** Verified absent below (the test fails if one is not). */
const ABSENT = ['人工智能大模型', '第二议题', '元宇宙', '量子纠缠通信', '躺平', '海拉尔区卫星发射中心', '明湖市东城区人民政府', '三会一课制度落实情况'];

interface Shown {
  status: string;
  /** Decoded pathnames of the result links. */
  paths: string[];
  /** Text of each <mark> of the first result's excerpt. */
  firstMarks: string[];
}

/** Results come a page at a time: asks for more, as a reader would, until all (or `limit`) are shown. */
async function showAll(page: Page, limit = Infinity): Promise<void> {
  const more = page.locator('[data-search-more]');
  const shown = page.locator('[data-search-results] > li');
  while ((await more.isVisible()) && (await shown.count()) < limit) {
    const before = await shown.count();
    await more.click();
    await expect.poll(async () => (await shown.count()) > before || !(await more.isVisible()), { timeout: 20_000 }).toBe(true);
  }
}

/** Types the query into the search page, submits it and reads the results once they are in. */
async function runQuery(page: Page, query: string): Promise<Shown> {
  const input = page.getByLabel('检索词', { exact: true });
  await input.fill(query);
  await input.press('Enter');
  await expect
    .poll(async () => new URL(page.url()).searchParams.get('q') === query && !(await page.locator('[data-search-status]').textContent())?.startsWith('正在检索'), { timeout: 20_000 })
    .toBe(true);
  await showAll(page, PAGE_LIMIT);
  const status = (await page.locator('[data-search-status]').textContent()) ?? '';
  const paths = await page.locator('[data-search-results] > li h3 a').evaluateAll((links) => links.map((a) => decodeURIComponent((a as HTMLAnchorElement).pathname)));
  const firstMarks = await page.locator('[data-search-results] > li').first().locator('.excerpt mark').allTextContents().catch(() => []);
  return { status, paths, firstMarks };
}

function totalOf(status: string): number | undefined {
  const match = /找到 (\d+) 篇报告/.exec(status);
  return match ? Number(match[1]) : undefined;
}

function checkQuery(shown: Shown, expectedIds: string[], base: string, query: string): void {
  const expectedPaths = expectedIds.map((id) => `${base}reports/${id}/`).sort();
  if (expectedIds.length === 0) {
    expect(shown.paths, query).toEqual([]);
    expect(shown.status, query).toContain('没有找到');
    return;
  }
  expect(totalOf(shown.status), `${query}: ${shown.status}`).toBe(expectedIds.length);
  if (expectedIds.length <= PAGE_LIMIT) {
    expect([...shown.paths].sort(), query).toEqual(expectedPaths);
  } else {
    expect(shown.paths, query).toHaveLength(PAGE_LIMIT);
    expect(shown.paths.filter((p) => !expectedPaths.includes(p)), query).toEqual([]);
  }
  // The whole phrase reads as one highlight in the first result's excerpt.
  const needle = normalizeText(query.replace(/^[“"]|[”"]$/g, ''));
  expect(shown.firstMarks.some((mark) => normalizeText(mark).includes(needle)), `${query}: ${shown.firstMarks.join('|')}`).toBe(true);
}

/**
 * Imports ../shared/corpus (national and district reports), builds it with `options`, serves it and opens the
 * search page; `close` undoes it all.
 */
async function serveCorpusSite(base: string, options: string[] = []) {
  const root = mkdtempSync(path.join(tmpdir(), 'nianjian-corpus-'));
  const reportsDir = path.join(root, 'content/reports');
  for (const [folder, unit] of [['gov-work-reports', '国务院'], ['hailar-district-gov-work-reports', '海拉尔区人民政府']] as const) {
    const imported = runCli(['import', path.join(sharedDir, 'corpus', folder), '--out', reportsDir, '--unit', unit, '--kind', '政府工作报告']);
    if (imported.status !== 0) throw new Error(`导入失败：\n${imported.stdout}\n${imported.stderr}`);
  }
  const siteDir = path.join(root, 'site');
  const built = runCli(['build', '--content', path.join(root, 'content'), '--out', siteDir, '--base', base, ...options, '--quiet'], { env: { NIANJIAN_SHARD_CACHE: '0' } });
  if (built.status !== 0) throw new Error(`语料构建失败：\n${built.stdout}\n${built.stderr}`);
  const server = await serveStatic(siteDir, base);
  const page = await openSearch(server.url);
  const close = async () => {
    await page.close();
    await server.close();
    rmSync(root, { recursive: true, force: true });
  };
  return { siteDir, siteUrl: server.url, reports: readIndexedReports(siteDir), page, close };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const openSearch = (siteUrl: string, query = ''): Promise<Page> => openPage(browser, new URL(`search/${query}`, siteUrl).href);

describe('query set on the sample archive', () => {
  const siteUrl = inject('siteUrl');
  const base = inject('siteBase');
  const reports = readIndexedReports(inject('siteDir'));
  let page: Page;
  beforeAll(async () => {
    page = await openSearch(siteUrl);
  });
  afterAll(async () => {
    await page?.close();
  });

  for (const query of [...SAMPLE_QUERIES, ...ABSENT]) {
    it(`finds exactly the reports containing ${query}`, async () => {
      const expected = reportsContaining(reports, query);
      if (ABSENT.includes(query)) expect(expected).toEqual([]);
      checkQuery(await runQuery(page, query), expected, base, query);
    });
  }

  it('只看承诺 finds the commitment about 巡回指导 as one result linking to its anchor', async () => {
    const query = '巡回指导常态化';
    const commitments = (readAllReportDataFiles(inject('siteDir')) as { id: string; commitments: { id: string; text: string; anchor?: string }[] }[])
      .flatMap((data) => {
        return data.commitments.filter((c) => containsPhrase(normalizeText(c.text), query)).map((c) => ({ id: data.id, anchor: commitmentAnchorOf(c) }));
      });
    expect(commitments).toHaveLength(1);
    const [commitment] = commitments;
    // The same phrase as a page search finds the whole report (and more than the commitment).
    const search = await openSearch(siteUrl, `?q=${encodeURIComponent(query)}`);
    await expect.poll(() => search.locator('[data-search-results] > li').count(), { timeout: 15_000 }).toBe(reportsContaining(reports, query).length);
    await search.getByLabel('只看承诺').check();
    const results = search.locator('[data-search-results] > li');
    await expect.poll(() => search.locator('[data-search-status]').textContent(), { timeout: 15_000 }).toBe('找到 1 条承诺。');
    expect(await results.count()).toBe(1);
    expect(new URL(search.url()).searchParams.get('only')).toBe('commitments');
    const link = results.locator('h3 a');
    const href = new URL((await link.getAttribute('href'))!, search.url());
    expect(decodeURIComponent(href.pathname)).toBe(`${base}reports/${commitment!.id}/`);
    expect(href.hash).toBe(`#${commitment!.anchor}`);
    expect(normalizeText((await link.textContent()) ?? '')).toContain(normalizeText(query));
    expect(await results.locator('.section-path').textContent()).toContain('›');
    await link.click();
    await search.waitForURL(`**${base}reports/**`);
    expect(await search.locator(`.report-body [id="${commitment!.anchor}"] mark.search-hit`).count()).toBeGreaterThan(0);
    await search.close();
    // A shared link keeps the toggle.
    const shared = await openSearch(siteUrl, `?q=${encodeURIComponent(query)}&only=commitments`);
    await expect.poll(() => shared.locator('[data-search-status]').textContent(), { timeout: 15_000 }).toBe('找到 1 条承诺。');
    expect(await shared.getByLabel('只看承诺').isChecked()).toBe(true);
    await shared.close();
  });

  it('the role facet 问题 narrows a query to the reports whose problems section contains it', async () => {
    const candidates = ['意识形态', '党风廉政建设', '主体责任', '理论学习', '学习', '不够', '党建', '落实'];
    const query = candidates.find((q) => {
      const inProblems = reportsContaining(reports, q, 'problems').length;
      return inProblems > 0 && inProblems < reportsContaining(reports, q).length;
    });
    expect(query).toBeDefined();
    const expected = reportsContaining(reports, query!, 'problems');
    const search = await openSearch(siteUrl, `?q=${encodeURIComponent(query!)}`);
    const results = search.locator('[data-search-results] > li');
    await expect.poll(() => search.locator('[data-search-status]').textContent(), { timeout: 15_000 }).toMatch(new RegExp(`^找到 ${reportsContaining(reports, query!).length} 篇报告`));
    await search.getByLabel('章节', { exact: true }).selectOption('problems');
    await expect.poll(() => search.locator('[data-search-status]').textContent(), { timeout: 15_000 }).toMatch(/^(找到|已找到)/);
    await showAll(search);
    await expect.poll(() => results.count(), { timeout: 15_000 }).toBe(expected.length);
    expect(new URL(search.url()).searchParams.get('role')).toBe('problems');
    const paths = await results.locator('h3 a').evaluateAll((links) => links.map((a) => decodeURIComponent((a as HTMLAnchorElement).pathname)));
    expect(paths.sort()).toEqual(expected.map((id) => `${base}reports/${id}/`).sort());
    // Each result links into the problems part of its report.
    for (const href of await results.locator('h3 a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).hash))) {
      expect(href).toMatch(/^#s-\d/);
    }
    await search.close();
  });
});

describe('query set on the imported government work reports (../shared/corpus)', () => {
  const base = '/corpus/';
  let siteUrl: string;
  let reports: IndexedReport[];
  let close: (() => Promise<void>) | undefined;
  let page: Page;

  beforeAll(async () => {
    ({ siteUrl, reports, page, close } = await serveCorpusSite(base));
  });
  afterAll(() => close?.());

  it('imported every report of the corpus', () => {
    expect(reports).toHaveLength(61);
  });

  for (const query of [...CORPUS_QUERIES, ...ABSENT]) {
    it(`finds exactly the reports containing ${query}`, async () => {
      const expected = reportsContaining(reports, query);
      if (ABSENT.includes(query)) expect(expected).toEqual([]);
      checkQuery(await runQuery(page, query), expected, base, query);
    });
  }

  it('finds 1998’s spaced "1 9 9 3 年" with 1993年, and highlights it on the report', async () => {
    expect(reportsContaining(reports, '1993年')).toContain('1998/国务院-政府工作报告');
    const report = await browser.newPage();
    await report.goto(new URL(`reports/1998/国务院-政府工作报告/?hl=${encodeURIComponent('1993年3月')}`, siteUrl).href);
    expect(await report.locator('.report-body mark.search-hit').allTextContents()).toContain('1 9 9 3 年3 月');
    await report.close();
  });

  it('finds and highlights a phrase the source breaks across two paragraphs (2017: 把党风 / 廉政建设)', async () => {
    expect(reportsContaining(reports, '党风廉政建设')).toContain('2017/国务院-政府工作报告');
    const report = await browser.newPage();
    await report.goto(new URL(`reports/2017/国务院-政府工作报告/?hl=${encodeURIComponent('党风廉政建设')}`, siteUrl).href);
    const marks = report.locator('.report-body mark.search-hit');
    expect(await marks.allTextContents()).toEqual(['党风', '廉政建设']);
    expect(await marks.evaluateAll((all) => all.map((mark) => mark.parentElement!.tagName))).toEqual(['P', 'P']);
    await report.close();
  });

  it('highlights a simplified query in the traditional text of 1954', async () => {
    const report = await browser.newPage();
    await report.goto(new URL(`reports/1954/国务院-政府工作报告/?hl=${encodeURIComponent('中华人民共和国宪法')}`, siteUrl).href);
    const marks = await report.locator('.report-body mark.search-hit').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks)).toEqual(new Set(['中華人民共和國憲法']));
    await report.close();
  });
  it('compares the national 2025 report with 2024 in the browser: the three parts side by side', async () => {
    const compare = await openPage(browser, new URL('compare/2025/国务院-政府工作报告/', siteUrl).href);
    await expect.poll(() => compare.locator('.diff-new ins').count(), { timeout: 15_000 }).toBeGreaterThan(20);
    const headings = compare.locator('[data-compare-diff] > .diff-pair > .diff-columns');
    expect(await headings.locator('.diff-old > h3').allTextContents()).toEqual([
      '一、2023年工作回顾', '二、2024年经济社会发展总体要求和政策取向', '三、2024年政府工作任务',
    ]);
    expect(await headings.locator('.diff-new > h3').allTextContents()).toEqual([
      '一、2024年工作回顾', '二、2025年经济社会发展总体要求和政策取向', '三、2025年政府工作任务',
    ]);
    expect(await compare.locator('.diff-new ins').count()).toBeGreaterThan(20);
    await compare.close();
  });

  it('charts the national GDP growth target year by year in the browser', async () => {
    const trends = await openPage(browser, new URL('units/国务院/trends/', siteUrl).href);
    const figure = trends.locator('figure.trend').filter({ has: trends.locator('figcaption', { hasText: /^国内生产总值增长（%，目标）$/ }) });
    const rows = await figure.locator('tbody tr').allTextContents();
    for (const row of ['20147.5%左右', '20186.5%左右', '20255%左右']) expect(rows).toContain(row);
    expect(await figure.locator('svg[role="img"]').count()).toBe(1);
    await trends.close();
  });

  it('shows the national 2024 report’s 目标完成情况: 国内生产总值增长5%左右 against the 2025 report’s 增长5%, 达成', async () => {
    const report = await openPage(browser, new URL('reports/2024/国务院-政府工作报告/', siteUrl).href);
    await report.getByRole('link', { name: /条目标承诺的实绩与判定$/ }).click();
    await report.waitForURL('**/reports/2024/**/targets/');
    expect(await report.locator('h1').textContent()).toBe('国务院2024年目标完成情况');
    const row = report.locator('tbody tr', { has: report.locator('th', { hasText: /^国内生产总值$/ }) }).filter({ hasText: '增长5%左右' });
    expect(await row.count()).toBe(1);
    const [target, outcome, verdict] = await row.locator('td').all();
    expect(await target!.textContent()).toBe('国内生产总值增长5%左右');
    expect(await outcome!.getByRole('link').textContent()).toBe('5%');
    expect(await outcome!.textContent()).toContain('2025年报告：');
    expect(await outcome!.textContent()).toContain('增长5%');
    expect(await verdict!.locator('.verdict').textContent()).toBe('达成');
    expect(await verdict!.textContent()).toContain('5% ≥ 5%左右');
    expect(await row.getAttribute('data-verdict')).toBe('达成');
    expect(await report.locator('.lead').textContent()).toMatch(/达成 \d+ 项，未达成 \d+ 项，无结果 \d+ 项/);
    expect(await findAccessibilityViolations(report)).toEqual([]);
    // Both sentences are a click away: the target in 2024, the outcome's section in 2025.
    const targetHref = new URL((await target!.getByRole('link').getAttribute('href'))!, report.url());
    expect(decodeURIComponent(targetHref.pathname)).toBe(`${base}reports/2024/国务院-政府工作报告/`);
    await outcome!.getByRole('link').click();
    await report.waitForURL('**/reports/2025/**#s-*');
    const hash = decodeURIComponent(new URL(report.url()).hash.slice(1));
    expect(await report.locator(`[id="${hash}"]`).count()).toBe(1);
    await report.goto(targetHref.href);
    expect(await report.locator(`[id="${targetHref.hash.slice(1)}"]`).textContent()).toContain('国内生产总值增长5%左右');
    await report.close();
  });

  it('shows the national 2024 commitments in the ledger with their evidence, the GDP target as 目标达成, general ones apart', async () => {
    const ledger = await openPage(browser, new URL('commitments/2024/国务院/', siteUrl).href);
    expect(await ledger.locator('h1').textContent()).toBe('国务院：2024年报告中的承诺');
    const total = Number(/共 (\d+) 条/.exec((await ledger.locator('.lead').textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(300);
    expect(await ledger.getByRole('link', { name: '目标完成情况' }).getAttribute('href')).toBe(`${base}reports/2024/国务院-政府工作报告/targets/`);
    const gdp = ledger.locator('[data-ledger-item]', { has: ledger.locator(':scope > a', { hasText: /^国内生产总值增长5%左右$/ }) });
    expect(await gdp.count()).toBe(1);
    expect(await gdp.locator('.status').textContent()).toBe('目标达成');
    await gdp.locator('summary', { hasText: '后续情况' }).click();
    // Suggestions come from the report's data file when 后续情况 opens.
    await expect.poll(() => gdp.locator('.suggested').first().textContent(), { timeout: 15_000 }).toMatch(/· 2025年：.*（目标达成）/);
    // Sentence-level promises with their suggested evidence from 2025.
    const withEvidence = ledger.locator('[data-ledger-item]', { has: ledger.locator('details[data-suggested]') });
    expect(await withEvidence.count()).toBeGreaterThan(20);
    for (const i of [0, 5, 10]) {
      const item = withEvidence.nth(i);
      await item.locator('summary', { hasText: '后续情况' }).click();
      await expect.poll(() => item.locator('.suggested').first().textContent(), { timeout: 15_000 }).toMatch(/^自动建议（相似度 0\.\d\d）· 2025年：/);
    }
    await ledger.getByLabel('状态', { exact: true }).selectOption('目标达成');
    const shown = await ledger.locator('[data-ledger-item]:not([hidden]) .status').allTextContents();
    expect(shown.length).toBeGreaterThanOrEqual(5);
    expect(new Set(shown)).toEqual(new Set(['目标达成']));
    // General commitments come after the others, in a closed group (every commitment on one page).
    await ledger.getByLabel('状态', { exact: true }).selectOption('');
    expect(await ledger.locator('[data-ledger-item]').count()).toBe(total);
    const general = ledger.locator('details.ledger-general');
    expect(await general.locator(':scope > summary').textContent()).toMatch(/^一般性表述（\d+ 条/);
    expect(await general.locator('[data-ledger-item]').first().isVisible()).toBe(false);
    await general.locator(':scope > summary').click();
    expect(await general.locator('[data-ledger-item]').first().isVisible()).toBe(true);
    expect(await general.locator('[data-ledger-item] .meta-line').first().textContent()).toContain('一般性表述');
    await ledger.close();
  }, 120_000);

  it('charts the national GDP growth targets with their outcomes on one chart', async () => {
    const trends = await openPage(browser, new URL('units/国务院/trends/', siteUrl).href);
    const figure = trends.locator('figure.target-trend').filter({ has: trends.locator('figcaption', { hasText: /^国内生产总值增长：目标与实绩（%）$/ }) });
    expect(await figure.count()).toBe(1);
    expect(await figure.locator('svg[role="img"] desc').textContent()).toMatch(/^\d{4}–2025年 \d+ 个目标：达成 \d+，未达成 \d+，无结果 \d+$/);
    expect(await figure.locator('tbody tr').allTextContents()).toContain('20245%左右5%达成');
    await trends.close();
  });
});

/**
 * The same corpus built in shards (`--shard-reports 20`: four builds of consecutive years and one of the
 * archive-wide pages, each shard its own search index): the search page merges the indexes (Pagefind's
 * mergeIndex) and must find exactly what the single index finds, across shards.
 */
describe('query set on the corpus built in shards', () => {
  const base = '/shards/';
  let siteUrl: string;
  let siteDir: string;
  let reports: IndexedReport[];
  let close: (() => Promise<void>) | undefined;
  let page: Page;

  beforeAll(async () => {
    ({ siteDir, siteUrl, reports, page, close } = await serveCorpusSite(base, ['--shard-reports', '20']));
  });
  afterAll(() => close?.());

  it('publishes every report once, with one search index per shard', () => {
    expect(reports).toHaveLength(61);
    const shards = readdirSync(path.join(siteDir, 'pagefind/shards'));
    expect(shards.length).toBeGreaterThanOrEqual(2);
    for (const shard of shards) expect(existsSync(path.join(siteDir, 'pagefind/shards', shard, 'pagefind-entry.json'))).toBe(true);
    expect(existsSync(path.join(siteDir, 'shard'))).toBe(false);
  });

  const SHARDED_QUERIES = ['乡村振兴', '改革开放', '西部大开发', '呼伦贝尔', '棚户区改造', '革开', '宪', '湖', '1993年', '２０２２', '中华人民共和国宪法', ...ABSENT.slice(0, 3)];
  for (const query of SHARDED_QUERIES) {
    it(`finds exactly the reports containing ${query}, from every shard`, async () => {
      const expected = reportsContaining(reports, query);
      checkQuery(await runQuery(page, query), expected, base, query);
    });
  }

  it('offers every year of every shard in the year filter, and narrows to one', async () => {
    const years = await page.locator('#filter-year option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(years).toEqual([...new Set(reports.map((report) => report.id.slice(0, 4)))].sort().reverse());
    const search = await openSearch(siteUrl, `?q=${encodeURIComponent('改革开放')}&year=1998`);
    await expect.poll(() => search.locator('[data-search-status]').textContent(), { timeout: 15_000 }).toMatch(/^找到 \d+ 篇报告/);
    const paths = await search.locator('[data-search-results] > li h3 a').evaluateAll((links) => links.map((a) => decodeURIComponent((a as HTMLAnchorElement).pathname)));
    expect(paths.sort()).toEqual(reportsContaining(reports, '改革开放').filter((id) => id.startsWith('1998/')).map((id) => `${base}reports/${id}/`).sort());
    await search.close();
  });
});
