// Screenshots of a built site, for the README and for looking at pages as a reader does.
// Usage: npx node bench/screenshot.ts <site dir> <base> "<path>|<light|dark>|<width>" …  → /tmp/shot0.png, /tmp/shot1.png, …
import { chromium } from 'playwright-core';
import { serveStatic } from '../tests/e2e/static-server.ts';

const [dir, base = '/', ...pages] = process.argv.slice(2);
if (!dir) throw new Error('usage: bench/screenshot.ts <site dir> <base> "<path>|<light|dark>|<width>" …');
const server = await serveStatic(dir, base);
const browser = await chromium.launch({
  executablePath: process.env['NIANJIAN_CHROMIUM'] || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
for (const [index, spec] of pages.entries()) {
  const [urlPath = '', scheme = 'light', width = '1280'] = spec.split('|');
  const page = await browser.newPage({ viewport: { width: Number(width), height: 900 }, colorScheme: scheme === 'dark' ? 'dark' : 'light' });
  await page.goto(server.url + urlPath);
  await page.waitForTimeout(800);
  await page.screenshot({ path: `/tmp/shot${index}.png` });
  await page.close();
  console.log(`/tmp/shot${index}.png ← ${urlPath || '/'}`);
}
await browser.close();
await server.close();
