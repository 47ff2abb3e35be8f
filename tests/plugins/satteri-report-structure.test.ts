import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { defineHastPlugin, mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { analyzeValidReport } from '../../src/lib/compare/archive-analysis.ts';
import { parseFrontmatter } from '../../src/lib/frontmatter.ts';
import { toHeadingId } from '../../src/lib/structure/analyze.ts';
import { flattenOutline } from '../../src/lib/structure/outline.ts';
import { validateReports } from '../../src/lib/validate-reports.ts';
import { listReportFiles } from '../../src/node/content-source.ts';
import { reportAnalysisOf } from '../../src/plugins/report-analysis-store.ts';
import { readReportBlocks, satteriReportStructure } from '../../src/plugins/satteri-report-structure.ts';
import { analyzeInputOf } from '../../src/lib/structure/analyze.ts';
import { planReportStructure, planStructure } from '../../src/plugins/remark-report-structure.ts';
import { repoRoot } from '../helpers/run-cli.ts';

const reportsDir = path.join(repoRoot, 'content/reports');
const files = listReportFiles(reportsDir);
const { reports } = validateReports(files.map((file) => ({ path: file, text: readFileSync(file, 'utf8') })), ['述职报告', '工作总结', '政府工作报告', '工作计划', '专项报告', '调研报告', '其他']);

const textOf = (node: ElementContent | HastRoot): string =>
  node.type === 'text' ? node.value : 'children' in node ? node.children.map((child) => textOf(child as ElementContent)).join('') : '';

/** Every element with an id, with the text of its paragraph that follows it (for an anchor span). */
function elementsWithIds(tree: HastRoot): { id: string; tag: string; role: unknown; following: string }[] {
  const found: { id: string; tag: string; role: unknown; following: string }[] = [];
  const walk = (node: HastRoot | Element, paragraph: Element | undefined) => {
    node.children.forEach((child, index) => {
      if (child.type !== 'element') return;
      const id = child.properties['id'];
      if (typeof id === 'string') {
        const following = child.tagName === 'a' && paragraph ? node.children.slice(index + 1).map((c) => textOf(c as ElementContent)).join('') : textOf(child);
        found.push({ id, tag: child.tagName, role: child.properties['dataRole'], following });
      }
      walk(child, child.tagName === 'p' ? child : paragraph);
    });
  };
  walk(tree, undefined);
  return found;
}

describe('satteriReportStructure (Sätteri, internal builds)', () => {
  it.each(reports.map((report) => [report.id ?? report.path, report] as const))('gives %s the analysis and the ids the unified plugin gives', (_id, report) => {
    const { data, body } = parseFrontmatter(readFileSync(report.path, 'utf8'));
    // Compiled as Astro compiles it (mdxToJs); the hast is read where Sätteri hands it to the hast plugins.
    let ids: ReturnType<typeof elementsWithIds> = [];
    const readTree = defineHastPlugin({ name: 'read-ids', after: (root) => void (ids = elementsWithIds(root as HastRoot)) });
    // What Astro's MDX processor hands Sätteri (@astrojs/markdown-satteri's SatteriAstroData).
    const astro = { frontmatter: { ...data } as Record<string, unknown>, headings: [], localImagePaths: new Set<string>(), remoteImagePaths: new Set<string>() };
    mdxToJs(body, { mdastPlugins: [satteriReportStructure()], hastPlugins: [readTree], data: { astro } });
    const stored = reportAnalysisOf(astro.frontmatter);
    // The same analysis as the follow-up worker and `nianjian analyze` make from the file (unified's parse).
    const expected = analyzeValidReport({ ...report, id: report.id ?? report.path });
    expect(stored.analysis).toEqual(expected.analysis);
    expect(stored.outline).toEqual(expected.outline);

    const byId = new Map(ids.map((entry) => [entry.id, entry]));
    expect(byId.size).toBe(ids.length);
    for (const section of flattenOutline(stored.outline)) {
      const heading = byId.get(toHeadingId(section.id));
      expect(heading?.tag).toMatch(/^h[1-6]$/);
      if (section.level === 1) expect(heading?.role).toBe(stored.analysis.sections.find((s) => s.id === section.id)?.role);
    }
    // Every commitment has its anchor: the first of a paragraph names the paragraph, a later one is an empty
    // span just before its text (after a marker such as 一是).
    const anchored = stored.analysis.commitments.filter((c) => c.anchor === c.id);
    expect(anchored.length).toBeGreaterThan(0);
    for (const commitment of anchored) {
      const entry = byId.get(commitment.id);
      expect(entry, commitment.id).toBeDefined();
      expect(entry!.tag === 'a' ? entry!.following.slice(0, 40) : entry!.following, commitment.id).toContain(commitment.text.slice(0, 4));
    }
  });

  it.each(reports.map((report) => [report.id ?? report.path, report] as const))('reads for the follow-up worker the blocks of %s that the plugin analyses', (_id, report) => {
    const { data, body } = parseFrontmatter(readFileSync(report.path, 'utf8'));
    const astro = { frontmatter: { ...data } as Record<string, unknown>, headings: [], localImagePaths: new Set<string>(), remoteImagePaths: new Set<string>() };
    mdxToJs(body, { mdastPlugins: [satteriReportStructure()], data: { astro } });
    const planned = planStructure(analyzeInputOf(readReportBlocks(body, { mdx: true }), data));
    expect(planned.stored).toEqual(reportAnalysisOf(astro.frontmatter));
  });

  it('takes a plan made elsewhere only for the same input digest', () => {
    const report = reports[0]!;
    const { data, body } = parseFrontmatter(readFileSync(report.path, 'utf8'));
    const blocks = readReportBlocks(body, { mdx: true });
    const own = planStructure(analyzeInputOf(blocks, data));
    const digests: string[] = [];
    const offered = { ...own, marks: { headings: new Map(), paragraphIds: new Map(), anchors: new Map() } };
    // The digest of the same input: the offered plan is used as it is.
    const frontmatter = { ...data } as Record<string, unknown>;
    expect(planReportStructure(blocks, frontmatter, undefined, undefined, (digest) => (digests.push(digest), offered))).toBe(offered.marks);
    expect(reportAnalysisOf(frontmatter)).toBe(offered.stored);
    // Nothing offered for that digest: the report is analysed here.
    expect(planReportStructure(blocks, { ...data }, undefined, undefined, () => undefined)).toEqual(own.marks);
    // Another input, another digest.
    planReportStructure(blocks.slice(1), { ...data }, undefined, undefined, (digest) => void digests.push(digest));
    expect(new Set(digests).size).toBe(2);
  });
});
