import { chromium } from 'playwright-core';
import { serveStatic } from '../tests/e2e/static-server.ts';
const [dir, base, ...paths] = process.argv.slice(2);
const server = await serveStatic(dir, base);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--no-first-run'] });
for (const [i, p] of paths.entries()) {
  const [urlPath, scheme, width] = p.split('|');
  const page = await browser.newPage({ viewport: { width: Number(width || 1280), height: 900 }, colorScheme: scheme || 'light' });
  await page.goto(server.url + urlPath);
  await page.waitForTimeout(800);
  await page.screenshot({ path: `/tmp/shot${i}.png`, fullPage: false });
  await page.close();
}
await browser.close(); await server.close();
