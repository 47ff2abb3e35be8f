import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { defineMdastPlugin, mdxToJs } from 'satteri';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../src/lib/frontmatter.ts';
import { listReportFiles } from '../../src/node/content-source.ts';
import remarkPublicFilter from '../../src/plugins/remark-public-filter.ts';
import { satteriPublicFilter } from '../../src/plugins/satteri-public-filter.ts';
import { repoRoot } from '../helpers/run-cli.ts';

const options = { redact: ['甄秘书长'], mask: '＊＊' };

/** The text a public build's later plugins read, and the compiled module, under Sätteri (as astro.config.mjs). */
function underSatteri(body: string, frontmatter: Record<string, unknown> = {}) {
  let text = '';
  const read = defineMdastPlugin({ name: 'read-text', after: (root) => void (text = toString(root as Root)) });
  const astro = { frontmatter, headings: [], localImagePaths: new Set<string>(), remoteImagePaths: new Set<string>() };
  // Synchronous plugins only, so Sätteri returns its result, not a promise.
  const { code } = mdxToJs(body, { mdastPlugins: [satteriPublicFilter(options), read], data: { astro } }) as Awaited<ReturnType<typeof mdxToJs>>;
  return { text, code };
}

/** The same under unified (`nianjian export --public` reads reports this way: src/node/ledger-source.ts). */
function underUnified(body: string, frontmatter: Record<string, unknown> = {}): string {
  const processor = unified().use(remarkParse).use(remarkMdx);
  const tree = processor.parse(body);
  remarkPublicFilter(options)(tree, { data: { astro: { frontmatter } } });
  return toString(tree);
}

const hidden = '内部金丝雀甲乙丙';
const cases: [string, string, Record<string, unknown>?][] = [
  ['a block', `公开段落。\n\n<Internal>\n\n${hidden}：仅供内部。\n\n</Internal>\n\n又一段。\n`],
  ['inline', `公开<Internal>${hidden}</Internal>的句子。\n`],
  ['a name from the site config', '甄秘书长出席会议。\n'],
  ['a name spaced out', '甄 秘 书 长出席会议。\n'],
  ['a name of the report itself', '王某某主持会议，王某某副主席讲话。\n', { redact: ['王某某', '王某某副主席'] }],
  ['a name in emphasis, code and a link', '**甄秘书长**、`甄秘书长`和[甄秘书长](https://example.org)。\n'],
  ['a name in an image description', '![甄秘书长在会上](a.png)\n'],
];

describe('satteriPublicFilter (public builds, Sätteri)', () => {
  it.each(cases)('leaves the later plugins the text the unified filter leaves: %s', (_name, body, frontmatter = {}) => {
    const { text, code } = underSatteri(body, frontmatter);
    expect(text).toBe(underUnified(body, frontmatter));
    for (const secret of [hidden, '甄秘书长', '王某某']) expect(code).not.toContain(secret);
  });

  it('masks what it should: names by the mask, <Internal> blocks dropped whole', () => {
    expect(underSatteri(cases[4]![1], cases[4]![2]).text).toBe('＊＊主持会议，＊＊讲话。');
    expect(underSatteri(cases[0]![1]).text).toBe('公开段落。又一段。');
  });

  it('gives every sample report the text the unified filter gives, with a planted block and names', () => {
    for (const file of listReportFiles(path.join(repoRoot, 'content/reports'))) {
      const { data, body } = parseFrontmatter(readFileSync(file, 'utf8'));
      const planted = `${body}\n<Internal>\n${hidden}\n</Internal>\n\n甄秘书长和王 某 某出席会议。\n`;
      const frontmatter = { ...data, redact: ['王某某'] };
      const { text, code } = underSatteri(planted, frontmatter);
      expect(text, file).toBe(underUnified(planted, frontmatter));
      expect(code).not.toContain(hidden);
      expect(text).toContain('＊＊和＊＊出席会议。');
    }
  });
});
