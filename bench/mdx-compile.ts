/**
 * How long compiling report MDX to JavaScript takes with each processor Astro 7 offers, on real reports.
 *
 *   npx node bench/mdx-compile.ts [reports dir] [count]
 *
 * Defaults: the sample archive (content/reports), all of it. At scale, point it at a generated archive,
 * e.g. `/tmp/nianjian-scale/1000/content/reports 200`. Rows: @mdx-js/mdx (unified, what the build uses
 * today) without and with remark-report-structure; Sätteri (Astro 7's default, compiled in Rust) without
 * plugins and with an mdast plugin that reads every heading's and paragraph's text, the input the
 * report analysis needs. The analysis itself (analyzeReportParts) costs the same under either.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compile } from '@mdx-js/mdx';
import { defineMdastPlugin, mdxToJs } from 'satteri';
import { parseFrontmatter } from '../src/lib/frontmatter.ts';
import remarkReportStructure from '../src/plugins/remark-report-structure.ts';
import { listReportFiles } from '../src/node/content-source.ts';

const [dir = path.join(import.meta.dirname, '..', 'content', 'reports'), count] = process.argv.slice(2);
const files = listReportFiles(dir).filter((file) => file.endsWith('.mdx'));
const bodies = files.slice(0, count ? Number(count) : files.length).map((file) => parseFrontmatter(readFileSync(file, 'utf8')).body);

async function time(label: string, compileOne: (body: string) => unknown): Promise<void> {
  const start = performance.now();
  for (const body of bodies) await compileOne(body);
  console.log(`${label.padEnd(48)} ${((performance.now() - start) / 1000).toFixed(2).padStart(7)} s for ${bodies.length} reports`);
}

const readBlockTexts = defineMdastPlugin({
  name: 'read-block-texts',
  heading(node, ctx) { ctx.textContent(node); },
  paragraph(node, ctx) { ctx.textContent(node); },
});

await time('@mdx-js/mdx', (body) => compile(body));
await time('@mdx-js/mdx + remark-report-structure', (body) => compile(body, { remarkPlugins: [[remarkReportStructure, {}]] }));
await time('Sätteri', (body) => mdxToJs(body));
await time('Sätteri + reading every block’s text', (body) => mdxToJs(body, { mdastPlugins: [readBlockTexts] }));
