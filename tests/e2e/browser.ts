import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, chromium, type Page } from 'playwright-core';

const executablePath = process.env['NIANJIAN_CHROMIUM'] || '/usr/bin/chromium';

/** Debian's Chromium, driven by playwright-core; the tests never download a browser of their own. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(
      `没有找到 Chromium：${executablePath}。请安装 Debian 的 chromium（sudo apt-get install -y chromium），` +
        '或用环境变量 NIANJIAN_CHROMIUM 指定浏览器路径。',
    );
  }
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation { id: string; impact: string; help: string; nodes: { target: string[] }[] }

/** Runs axe-core's WCAG 2 A/AA rules on the page and returns the violations, readably. */
export async function findAccessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations;
  });
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Opens a URL in a fresh page and fails if the page threw while loading. */
export async function openPage(browser: Browser, url: string, options: { colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  const page = await browser.newPage({ colorScheme: options.colorScheme ?? 'light' });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  // A ledger page builds its list from the reports' data files: wait until it has.
  if ((await page.locator('[data-ledger]').count()) > 0) await page.locator('[data-ledger][data-ready]').waitFor({ state: 'attached', timeout: 15_000 });
  if (errors.length > 0) throw new Error(`页面脚本出错（${url}）：${errors.join('; ')}`);
  return page;
}
