import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findBrokenLinks } from '../helpers/link-check.ts';
import { runCli } from '../helpers/run-cli.ts';

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe('build guarantees (sample archive)', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'nianjian-guarantees-'));
  const first = path.join(root, 'first');
  const second = path.join(root, 'second');
  const based = path.join(root, 'based');
  beforeAll(() => {
    for (const [out, extra] of [[first, []], [second, []], [based, ['--base', '/archive/']]] as const) {
      const result = runCli(['build', '--out', out, '--quiet', ...extra]);
      if (result.status !== 0) throw new Error(result.stderr);
    }
  }, 300_000);

  it('gives byte-identical output for the same content', () => {
    const files = listFiles(first);
    expect(listFiles(second)).toEqual(files);
    const differing = files.filter((file) => !readFileSync(path.join(first, file)).equals(readFileSync(path.join(second, file))));
    expect(differing).toEqual([]);
  });

  it('has no broken internal link or anchor at the root', () => {
    expect(findBrokenLinks(first, '/')).toEqual([]);
  });

  it('has no broken internal link or anchor under a base path', () => {
    expect(findBrokenLinks(based, '/archive/')).toEqual([]);
    expect(readFileSync(path.join(based, 'index.html'), 'utf8')).toContain('href="/archive/years/"');
  });

  it('the link check itself finds a broken link and a missing anchor', () => {
    const html = readFileSync(path.join(first, 'index.html'), 'utf8');
    expect(html).toContain('href="/years/"');
    const site = mkdtempSync(path.join(tmpdir(), 'nianjian-broken-'));
    mkdirSync(path.join(site, 'a'));
    writeFileSync(path.join(site, 'index.html'), '<a href="/a/">ok</a><a href="/b/">gone</a><a href="/a/#x">anchor</a><a href="#top">self</a><p id="top"></p>');
    writeFileSync(path.join(site, 'a', 'index.html'), '<p id="y"></p>');
    expect(findBrokenLinks(site, '/')).toEqual(['index.html → /b/ (no such file)', 'index.html → /a/#x (no element with id "x")']);
  });

  it('needs no inline script, so a Content-Security-Policy without unsafe-inline works', () => {
    for (const file of listFiles(first).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(path.join(first, file), 'utf8');
      expect(html, file).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html, file).not.toMatch(/\son[a-z]+="/);
    }
  });
});
