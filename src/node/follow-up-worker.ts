// Worker thread of follow-up-precompute.ts: reads and analyses every report as the build does, posting each
// report's plan for the MDX build as soon as it is made; matches the follow-ups and posts them with a digest
// of each report's analysis; then builds the ledger and posts each year's workbook.
import { parentPort, workerData } from 'node:worker_threads';
import path from 'node:path';
import { seriesReportOf } from '../lib/compare/archive-analysis.ts';
import { analyzeInputOf } from '../lib/structure/analyze.ts';
import { readReportBlocks } from '../plugins/satteri-report-structure.ts';
import { analyzeInputDigest, planStructure } from '../plugins/remark-report-structure.ts';
import { BUILD_MATCHING, resolveFollowUps, toPageFollowUp } from '../lib/compare/follow-up.ts';
import { buildLedger, groupLedgerByYear } from '../lib/compare/ledger.ts';
import { writeYearLedgerWorkbook } from '../lib/compare/ledger-workbook.ts';
import { mergeRoleKeywords } from '../lib/structure/section-roles.ts';
import { validateReports } from '../lib/validate-reports.ts';
import { readReportSources } from './content-source.ts';
import { packStrings, unpackStrings } from './thread-strings.ts';
import { analysisDigest, sortById, type PrecomputeWorkerData, type PrecomputedFollowUps, type PrecomputedStructure, type PrecomputedWorkbooks } from './follow-up-precompute.ts';

const input = workerData as PrecomputeWorkerData;
// The port must not keep the worker alive once its work is done.
input.structurePort.unref();
const started = performance.now();
/** NIANJIAN_DEBUG=1: when each step ended, for the scale bench's notes. */
const debugTime = (step: string) => {
  if (process.env['NIANJIAN_DEBUG']) console.error(`precompute worker: ${step} after ${((performance.now() - started) / 1000).toFixed(1)} s`);
};
const keywords = mergeRoleKeywords(input.roleKeywords as Parameters<typeof mergeRoleKeywords>[0]);

type Analysed = ReturnType<typeof analyse>;

/**
 * Analyses every report and posts each one's plan at once (the MDX build takes it instead of analysing the
 * same input again, see takePrecomputedStructure), then returns them for matching.
 */
function analyse() {
  return sortById(validateReports(readReportSources(input.reportsDir, input.files), input.kinds).reports
    .map((report) => {
      // Read as the MDX build reads it (Sätteri), so that the build can take this analysis as its own.
      const analyzeInput = analyzeInputOf(readReportBlocks(report.body, { mdx: /\.mdx$/i.test(report.path) }), report.data, keywords);
      const planned = planStructure(analyzeInput);
      input.structurePort.postMessage({ type: 'structure', file: path.resolve(report.path), digest: analyzeInputDigest(analyzeInput), planned } satisfies PrecomputedStructure);
      return { ...seriesReportOf({ ...report, id: report.id ?? report.path }, planned.stored), kind: report.data.kind, title: report.data.title };
    }));
}

/** Every page's follow-ups, then the ledger workbooks (the commitments routes are rendered first). */
async function postFollowUpsAndWorkbooks(analysed: Analysed): Promise<void> {
  debugTime('analysed');
  const { followUps } = resolveFollowUps(analysed, BUILD_MATCHING);
  debugTime('matched');
  const digests = Object.fromEntries(analysed.map((report) => [report.id, analysisDigest(report)]));
  debugTime('digested');
  const packed = packStrings(followUps.map(toPageFollowUp));
  debugTime('packed');
  parentPort?.postMessage({ type: 'followUps', followUps: packed, digests } satisfies PrecomputedFollowUps);
  debugTime('posted');
  // Packing works in place, also on what the pages' copies share with `followUps` (explicit, target): put the strings back.
  unpackStrings(packed);
  // As src/pages/commitments/[year]/[file].ts makes them (an internal build: titles are not masked).
  const titles = new Map(analysed.map((report) => [report.id, report.title]));
  const workbooks: [number, Uint8Array<ArrayBuffer>][] = [];
  for (const [year, entries] of groupLedgerByYear(buildLedger(analysed, followUps))) {
    workbooks.push([year, await writeYearLedgerWorkbook(year, entries, { base: input.base, siteUrl: input.siteUrl, titleOf: (id) => titles.get(id) })]);
  }
  parentPort?.postMessage({ type: 'workbooks', base: input.base, siteUrl: input.siteUrl, workbooks } satisfies PrecomputedWorkbooks);
}

await postFollowUpsAndWorkbooks(analyse());
