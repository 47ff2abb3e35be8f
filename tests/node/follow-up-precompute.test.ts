import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeInputOf } from '../../src/lib/structure/analyze.ts';
import { mergeRoleKeywords } from '../../src/lib/structure/section-roles.ts';
import { validateReports } from '../../src/lib/validate-reports.ts';
import { listReportFiles } from '../../src/node/content-source.ts';
import { precomputedFollowUpsPosted, startFollowUpPrecompute, takePrecomputedStructure } from '../../src/node/follow-up-precompute.ts';
import { analyzeInputDigest, planStructure } from '../../src/plugins/remark-report-structure.ts';
import { readReportBlocks } from '../../src/plugins/satteri-report-structure.ts';
import { repoRoot } from '../helpers/run-cli.ts';

const reportsDir = path.join(repoRoot, 'content/reports');
const kinds = ['述职报告', '工作总结', '政府工作报告', '工作计划', '专项报告', '调研报告', '其他'];
const files = listReportFiles(reportsDir);
const { reports } = validateReports(files.map((file) => ({ path: file, text: readFileSync(file, 'utf8') })), kinds);

describe('the follow-up worker hands the MDX build its analysis of each report', () => {
  it('posts every sample report’s plan, taken once, only for the same input', async () => {
    startFollowUpPrecompute(repoRoot, { reportsDir, files, kinds, roleKeywords: {}, base: '/', siteUrl: undefined });
    await precomputedFollowUpsPosted();
    const keywords = mergeRoleKeywords({});
    const [first, ...rest] = reports;
    // Another input (here: another title) gets nothing, and the build analyses that report itself.
    const changed = analyzeInputOf(readReportBlocks(first!.body, { mdx: true }), { ...first!.data, title: `${first!.data.title}（修订）` }, keywords);
    expect(takePrecomputedStructure(path.resolve(first!.path), analyzeInputDigest(changed))).toBeUndefined();
    expect(rest.length).toBeGreaterThan(5);
    for (const report of rest) {
      // As the Sätteri plugin reads the report: its blocks, then the digest of what the analysis reads.
      const input = analyzeInputOf(readReportBlocks(report.body, { mdx: true }), report.data, keywords);
      const taken = takePrecomputedStructure(path.resolve(report.path), analyzeInputDigest(input));
      expect(taken, report.path).toEqual(planStructure(input));
      expect(taken!.marks.headings.size).toBeGreaterThan(0);
      expect(takePrecomputedStructure(path.resolve(report.path), analyzeInputDigest(input)), 'taken once').toBeUndefined();
    }
  }, 60_000);
});
