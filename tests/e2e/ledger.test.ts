import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findAccessibilityViolations, launchBrowser, openPage } from './browser.ts';

const siteUrl = inject('siteUrl');
const base = inject('siteBase');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const open = (urlPath: string): Promise<Page> => openPage(browser, new URL(urlPath, siteUrl).href);

describe('commitments across years, in the browser', () => {
  it('shows a 2021 promise with its explicit 2022 follow-up and its evidence, and follows it to the 2022 report', async () => {
    const page = await open('commitments/2021/');
    // The promise's own text (a suggestion shown under another promise may quote the same words).
    const item = page.locator('[data-ledger-item]', { has: page.locator(':scope > a', { hasText: '探索学会党建工作巡回指导机制' }) });
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.locator('.status').textContent()).toBe('落实');
    await item.locator('summary', { hasText: '后续情况' }).click();
    const answer = item.locator('.commitment-story li', { hasText: '2022年报告回应（落实）' });
    expect(await answer.isVisible()).toBe(true);
    await answer.getByRole('link', { name: '查看原文' }).click();
    await page.waitForURL(`**${base}reports/2022/**#s-*`);
    const hash = decodeURIComponent(new URL(page.url()).hash.slice(1));
    expect(await page.locator(`[id="${hash}"]`).count()).toBe(1);
    await page.close();
  });

  it('shows 2022 promises with their 2023 follow-ups, explicit and suggested', async () => {
    const page = await open('commitments/2022/');
    const explicit = page.locator('[data-ledger-item]', { has: page.locator('.commitment-story li', { hasText: /^2023年报告回应（(落实|推进中|未落实|调整)）/ }) });
    expect(await explicit.count()).toBeGreaterThanOrEqual(4);
    // Suggestions are read from the report's data file when the reader opens 后续情况.
    const suggested = page.locator('[data-ledger-item][data-status="有建议"]');
    expect(await suggested.count()).toBeGreaterThan(0);
    const first = suggested.first();
    expect(await first.locator('summary').textContent()).toMatch(/^后续情况（[123] 条自动建议）$/);
    await first.locator('summary').click();
    await expect.poll(() => first.locator('.suggested').first().textContent(), { timeout: 10_000 }).toMatch(/^自动建议（相似度 0\.\d\d）· 2023年：.+查看原文$/);
    expect(await first.locator('.suggested').first().isVisible()).toBe(true);
    // Its link leads to the passage's section in the 2023 report.
    await first.locator('.suggested').first().getByRole('link', { name: '查看原文' }).click();
    await page.waitForURL(`**${base}reports/2023/**#s-*`);
    await page.close();
  });

  it('marks automatic suggestions as such, with a score', async () => {
    const page = await open('commitments/2021/');
    const suggested = page.locator('[data-ledger-item][data-status="有建议"]').first();
    await suggested.locator('summary').click();
    await expect.poll(() => suggested.locator('.suggested').first().textContent(), { timeout: 10_000 }).toMatch(/^自动建议（相似度 0\.\d\d）· 2022年/);
    expect(await suggested.locator('.suggested').count()).toBeLessThanOrEqual(3);
    await page.close();
  });

  it('filters the ledger by status and unit', async () => {
    const page = await open('commitments/2022/');
    const visible = page.locator('[data-ledger-item]:not([hidden])');
    const all = await visible.count();
    await page.getByLabel('状态', { exact: true }).selectOption('落实');
    const fulfilled = await visible.count();
    expect(fulfilled).toBeGreaterThan(0);
    expect(fulfilled).toBeLessThan(all);
    for (const status of await visible.locator('.status').allTextContents()) expect(status).toBe('落实');
    expect(await page.locator('[data-ledger-count]').textContent()).toBe(`显示 ${fulfilled} 条`);
    await page.close();
  });

  it('links the year page and a unit page to the year\'s workbook, which is a valid xlsx with that year\'s rows', async () => {
    const page = await open('commitments/2022/');
    const link = page.getByRole('link', { name: '下载本年度台账（Excel）' });
    const href = await link.getAttribute('href');
    expect(href).toBe(`${base}commitments/2022/台账-2022.xlsx`);
    const response = await page.request.get(new URL(href!, page.url()).href);
    expect(response.status()).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await response.body()) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['2022年']);
    const sheet = workbook.getWorksheet('2022年')!;
    // Every commitment the page lists is a row of the sheet.
    expect(sheet.rowCount - 1).toBe(await page.locator('[data-ledger-item]').count());
    const commitments: string[] = [];
    sheet.eachRow((row, number) => {
      if (number > 1) commitments.push(String(row.getCell(4).value));
    });
    expect(commitments).toContain('改造老旧小区30个，同步完善加装电梯、充电桩、养老托育等配套设施。');
    expect(commitments.every((text) => text !== 'null')).toBe(true);
    const years = new Set<unknown>();
    sheet.eachRow((row, number) => number > 1 && years.add(row.getCell(2).value));
    expect([...years]).toEqual([2022]);
    await page.close();

    const unitPage = await open('commitments/2022/明湖市社会科学界联合会/');
    expect(await unitPage.getByRole('link', { name: '下载本年度台账（Excel）' }).getAttribute('href')).toBe(href);
    await unitPage.close();
  });

  it('compares two consecutive reports with insertions and deletions marked at word level', async () => {
    const page = await open('compare/2022/明湖市社会科学界联合会-述职报告/');
    // The pre-built page carries the aligned headings; its script adds the wording from the two reports' data.
    await expect.poll(() => page.locator('.diff-new ins').count(), { timeout: 15_000 }).toBeGreaterThan(10);
    expect(await page.locator('.diff-paired').count()).toBeGreaterThanOrEqual(3);
    const inserted = await page.locator('.diff-new ins').allTextContents();
    const deleted = await page.locator('.diff-old del').allTextContents();
    expect(inserted.length).toBeGreaterThan(10);
    expect(deleted.length).toBeGreaterThan(10);
    // Word level: most changed runs are short, not whole paragraphs.
    expect(inserted.filter((text) => [...text].length <= 12).length / inserted.length).toBeGreaterThan(0.5);
    const row = page.locator('.metric-table tr', { hasText: '党组理论学习中心组学习' }).first();
    expect(await row.locator('td').allTextContents()).toEqual(['党组理论学习中心组学习', '20次', '22次', '+2（+10.0%）次']);
    await page.close();
  });

  it('charts a count across three years, readable without the chart', async () => {
    const page = await open('units/明湖市社会科学界联合会/trends/');
    const figure = page.locator('figure.trend').filter({ has: page.locator('figcaption', { hasText: /^党组理论学习中心组学习（次，实绩）$/ }) });
    expect(await figure.locator('svg[role="img"] > title').textContent()).toMatch(/20.*22.*24/);
    expect(await figure.locator('tbody tr').allTextContents()).toEqual(['202120次', '202222次', '202324次']);
    await figure.getByRole('link', { name: '24次' }).click();
    await page.waitForURL(`**${base}reports/2023/**`);
    await page.close();
  });

  for (const [name, urlPath] of [
    ['ledger', 'commitments/2021/'],
    ['compare', 'compare/2022/明湖市社会科学界联合会-述职报告/'],
    ['trends', 'units/明湖市社会科学界联合会/trends/'],
  ] as const) {
    it(`has no axe violations on the ${name} page`, async () => {
      const page = await open(urlPath);
      expect(await findAccessibilityViolations(page)).toEqual([]);
      await page.close();
    });
  }
});

describe('targets against outcomes, and general commitments apart, in the browser', () => {
  it('keeps general commitments in a closed group after the others, and filters by target verdict', async () => {
    const page = await open('commitments/2022/');
    const general = page.locator('details.ledger-general');
    expect(await general.count()).toBeGreaterThan(0);
    expect(await general.first().locator(':scope > summary').textContent()).toMatch(/^一般性表述（\d+ 条/);
    const item = general.first().locator('[data-ledger-item]').first();
    expect(await item.isVisible()).toBe(false);
    await general.first().locator(':scope > summary').click();
    expect(await item.isVisible()).toBe(true);
    expect(await item.locator('.meta-line').textContent()).toContain('一般性表述');
    // Nothing general before the group in the same unit's list.
    for (const kinds of await page.locator('[data-ledger-group] > [data-ledger-kind-group="checkable"]').evaluateAll((groups) => groups.map((g) => g.textContent ?? ''))) {
      expect(kinds).not.toContain('一般性表述');
    }
    const visible = page.locator('[data-ledger-item]:not([hidden])');
    for (const [status, other] of [['目标达成', '目标未达成'], ['目标未达成', '目标达成']] as const) {
      await page.getByLabel('状态', { exact: true }).selectOption(status);
      const shown = await visible.locator('.status').allTextContents();
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.every((text) => text === status && text !== other)).toBe(true);
    }
    // The older statuses still filter as before.
    await page.getByLabel('状态', { exact: true }).selectOption('有建议');
    expect(await visible.count()).toBeGreaterThan(0);
    await page.close();
  });

  it('links a unit’s ledger and unit page to its 目标完成情况, which puts each target against the next report', async () => {
    const unitPage = await open('units/明湖市东城区人民政府/');
    await unitPage.getByRole('link', { name: '2022年政府工作报告' }).click();
    await unitPage.waitForURL('**/reports/2022/**/targets/');
    const row = unitPage.locator('tbody tr', { has: unitPage.locator('th', { hasText: /^地区生产总值$/ }) });
    expect(await row.locator('td').first().textContent()).toBe('地区生产总值增长6.5%左右');
    expect(await row.locator('td').nth(1).getByRole('link').textContent()).toBe('3.6%');
    expect(await row.locator('.verdict').textContent()).toBe('未达成');
    expect(await row.locator('td').nth(2).textContent()).toContain('3.6% < 6.5%左右');
    expect(await unitPage.locator('tbody tr[data-verdict="达成"]').count()).toBeGreaterThan(5);
    await unitPage.close();
    const ledger = await open('commitments/2024/');
    await ledger.getByRole('link', { name: '目标完成情况' }).click();
    await ledger.waitForURL('**/reports/2024/**/targets/');
    // The last report: nothing to check it against yet.
    expect(await ledger.locator('.lead').textContent()).toContain('该单位尚无后续报告');
    expect(new Set(await ledger.locator('tbody .verdict').allTextContents())).toEqual(new Set(['无结果']));
    expect(await ledger.locator('tbody tr').first().textContent()).toContain('尚无后续报告');
    await ledger.close();
  });

  it('charts a unit’s growth targets with their outcomes, with the figures in a table', async () => {
    const page = await open('units/明湖市东城区人民政府/trends/');
    const figure = page.locator('figure.target-trend').filter({ has: page.locator('figcaption', { hasText: /^地区生产总值增长：目标与实绩（%）$/ }) });
    expect(await figure.locator('svg[role="img"] > title').textContent()).toBe('地区生产总值增长：目标与实绩（%）');
    expect((await figure.locator('svg path.outcome').getAttribute('d'))!.match(/h0/g)).toHaveLength(2);
    expect((await figure.locator('svg path.target').getAttribute('d'))!.match(/z/g)).toHaveLength(3);
    expect(await figure.locator('svg[role="img"] > desc').textContent()).toBe('2022–2024年 3 个目标：达成 0，未达成 2，无结果 1');
    expect(await figure.locator('tbody tr').allTextContents()).toEqual(['20226.5%左右3.6%未达成', '20236%左右5.8%未达成', '20245.5%左右—无结果']);
    await figure.getByRole('link', { name: '2023' }).click();
    await page.waitForURL('**/reports/2023/**/targets/');
    await page.close();
  });

  for (const [name, urlPath] of [
    ['targets', 'reports/2022/明湖市东城区人民政府-政府工作报告/targets/'],
    ['target trends', 'units/明湖市东城区人民政府/trends/'],
    ['unit', 'units/明湖市东城区人民政府/'],
  ] as const) {
    it(`has no axe violations on the ${name} page`, async () => {
      const page = await open(urlPath);
      expect(await findAccessibilityViolations(page)).toEqual([]);
      await page.close();
    });
  }
});

describe('comparing any two reports in the browser', () => {
  it('compares two reports two years apart, from the per-report data, with the same markup as the pre-built pages', async () => {
    const page = await open('compare/');
    await page.getByLabel('较早的报告').selectOption('2021/明湖市文化广电和旅游局-工作总结');
    await page.getByLabel('较晚的报告').selectOption('2023/明湖市文化广电和旅游局-工作总结');
    await page.getByRole('button', { name: '对比' }).click();
    await expect.poll(() => page.locator('[data-compare-sections] .diff-paired').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    expect(await page.locator('[data-compare-sections] ins').count()).toBeGreaterThan(10);
    const row = page.locator('[data-compare-metrics] tr', { hasText: '接待游客' }).first();
    expect((await row.locator('td').allTextContents()).slice(1, 3)).toEqual(['386.5万人次', '528.7万人次']);
    expect(new URL(page.url()).searchParams.get('a')).toBe('2021/明湖市文化广电和旅游局-工作总结');
    expect(await findAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });
});
