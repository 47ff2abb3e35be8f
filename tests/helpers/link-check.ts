import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const decodeEntities = (value: string) =>
  value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

function idsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decodeEntities(m[1]!)));
}

/**
 * Every internal link (href/src) of every HTML page in a built site, checked against the files and
 * element ids that exist; returns the broken ones as "page → link (why)".
 */
export function findBrokenLinks(siteDir: string, base: string): string[] {
  const pages = readdirSync(siteDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name));
  const idCache = new Map<string, Set<string>>();
  const ids = (file: string) => {
    let found = idCache.get(file);
    if (!found) idCache.set(file, (found = idsOf(readFileSync(file, 'utf8'))));
    return found;
  };
  const broken: string[] = [];
  for (const page of pages) {
    const html = readFileSync(page, 'utf8');
    const pageUrl = new URL(base + path.relative(siteDir, page).split(path.sep).join('/'), 'http://site');
    for (const match of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const raw = decodeEntities(match[1]!);
      if (/^(?:[a-z]+:|\/\/)/i.test(raw) && !raw.startsWith('http://site')) continue; // external or mailto:
      const url = new URL(raw, pageUrl);
      const pathname = decodeURIComponent(url.pathname);
      const where = `${path.relative(siteDir, page)} → ${raw}`;
      if (!pathname.startsWith(base)) {
        broken.push(`${where} (outside the base ${base})`);
        continue;
      }
      let target = path.join(siteDir, pathname.slice(base.length));
      if (existsSync(target) && statSync(target).isDirectory()) target = path.join(target, 'index.html');
      if (!existsSync(target)) {
        broken.push(`${where} (no such file)`);
        continue;
      }
      const anchor = decodeURIComponent(url.hash.slice(1));
      if (anchor && target.endsWith('.html') && !ids(target).has(anchor)) broken.push(`${where} (no element with id "${anchor}")`);
    }
  }
  return broken;
}
