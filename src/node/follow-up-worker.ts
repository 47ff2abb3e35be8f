// Worker thread of follow-up-precompute.ts: reads and analyses every report as the build does, matches the
// follow-ups, and posts them back with a digest of each report's analysis.
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeValidReport } from '../lib/compare/archive-analysis.ts';
import { resolveFollowUps } from '../lib/compare/follow-up.ts';
import { mergeRoleKeywords } from '../lib/structure/section-roles.ts';
import { validateReports } from '../lib/validate-reports.ts';
import { listReportFiles, readReportSources } from './content-source.ts';
import { analysisDigest, type PrecomputeInput, type PrecomputedFollowUps } from './follow-up-precompute.ts';

const input = workerData as PrecomputeInput;
const keywords = mergeRoleKeywords(input.roleKeywords as Parameters<typeof mergeRoleKeywords>[0]);
const { reports } = validateReports(readReportSources(input.reportsDir, listReportFiles(input.reportsDir)), input.kinds);
const analysed = reports
  .map((report) => analyzeValidReport({ ...report, id: report.id ?? report.path }, keywords))
  .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const { followUps } = resolveFollowUps(analysed);
const result: PrecomputedFollowUps = { followUps, digests: Object.fromEntries(analysed.map((report) => [report.id, analysisDigest(report)])) };
parentPort?.postMessage(result);
