import type { APIRoute, GetStaticPaths } from 'astro';
import { render } from 'astro:content';
import { gzipSync } from 'node:zlib';
import { reportAnalysisOf } from '../../../plugins/report-analysis-store.ts';
import { toReportData } from '../../../lib/compare/report-data.ts';
import { type ReportEntry, loadArchive, toSummary } from '../../../site/archive-data.ts';
import { loadArchiveAnalysis } from '../../../site/series-data.ts';
import { publishesYear } from '../../../node/build-scope.ts';

export const getStaticPaths = (async () => {
  const { entries } = await loadArchive();
  const latestYear = new Map<string, number>();
  for (const { data } of entries) latestYear.set(data.unit, Math.max(latestYear.get(data.unit) ?? data.year, data.year));
  return entries.filter((entry) => publishesYear(entry.data.year)).map((entry) => ({ params: { id: entry.id }, props: { entry, hasLaterReport: latestYear.get(entry.data.unit)! > entry.data.year } }));
}) satisfies GetStaticPaths;

/**
 * The analysis `nianjian analyze` prints, with the report's metadata, for later features and other tools;
 * each commitment also carries its follow-ups (explicit first, then suggestions, best first) and, for a
 * target, its outcome in the next report and the verdict. The shape is src/lib/compare/report-data.ts;
 * `hasLaterReport` says whether the unit has a later report (the ledger's 未见后续 against 尚无后续报告).
 * Written gzip-compressed (REPORT_DATA_SUFFIX), synchronously: measured when Astro rendered one page at a
 * time, compressing on libuv's thread pool only left this thread idle meanwhile (5 s at 1,000 reports).
 */
export const GET: APIRoute<{ entry: ReportEntry; hasLaterReport: boolean }> = async ({ props }) => {
  const { remarkPluginFrontmatter } = await render(props.entry);
  const { followUpsByKey } = await loadArchiveAnalysis();
  const { analysis } = reportAnalysisOf(remarkPluginFrontmatter);
  const body = toReportData({ ...toSummary(props.entry), hasLaterReport: props.hasLaterReport }, analysis, (id) => followUpsByKey.get(`${props.entry.id}#${id}`));
  return new Response(gzipSync(JSON.stringify(body)), { headers: { 'content-type': 'application/gzip' } });
};
