import type { Root } from 'mdast';
import { analyzeInputOf, analyzeReportParts, type AnalyzedReportParts } from '../structure/analyze.ts';
import { resolveFollowUps, type SeriesReport } from './follow-up.ts';
import { readMarkdownBlocks } from '../structure/markdown-blocks.ts';
import type { RoleKeywords } from '../structure/section-roles.ts';
import type { ReportProblem, ValidReport } from '../validate-reports.ts';

/** A validated report analysed as the build analyses it, ready for follow-up matching and comparison. */
export function analyzeValidReport(report: ValidReport & { id: string }, keywords?: RoleKeywords, transform?: (tree: Root) => void): SeriesReport {
  const blocks = readMarkdownBlocks(report.body, { mdx: /\.mdx$/i.test(report.path), transform });
  return seriesReportOf(report, analyzeReportParts(analyzeInputOf(blocks, report.data, keywords)));
}

/** A validated report with its analysis, as follow-up matching reads it. */
export function seriesReportOf(report: ValidReport & { id: string }, { analysis, outline }: Pick<AnalyzedReportParts, 'analysis' | 'outline'>): SeriesReport {
  return { id: report.id, year: report.data.year, unit: report.data.unit, analysis, outline, followUps: report.data.followUps };
}

/** Follow-ups that point at a report, commitment or section that does not exist, as build problems. */
export function findFollowUpProblems(reports: readonly (ValidReport & { id: string })[], keywords?: RoleKeywords): ReportProblem[] {
  if (!reports.some((report) => report.data.followUps.length > 0)) return [];
  const analysed = reports.map((report) => analyzeValidReport(report, keywords));
  const pathOf = new Map(reports.map((report) => [report.id, report.path]));
  // Suggestions are not needed to check references; k: 0 skips ranking.
  const { errors } = resolveFollowUps(analysed, { k: 0 });
  return errors.map((error) => ({
    path: pathOf.get(error.report) ?? error.report,
    field: 'followUps',
    message: `${error.commitment}：${error.message}`,
  }));
}
