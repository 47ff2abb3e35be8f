// Follow-up matching on the second core. The Astro build compiles every report on one thread before any
// page needs the follow-ups; a worker thread started when the build starts reads the same files, analyses
// them with the same functions (analyzeValidReport) and matches the follow-ups meanwhile. The pages use the
// worker's result only if its analysis of every report is the one the MDX build made (same digest);
// otherwise they compute the follow-ups themselves, as without the worker.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ResolvedFollowUp, SeriesReport } from '../lib/compare/follow-up.ts';

export interface PrecomputeInput {
  reportsDir: string;
  kinds: readonly string[];
  roleKeywords: unknown;
}

export interface PrecomputedFollowUps {
  followUps: ResolvedFollowUp[];
  /** Report id → digest of the analysis and outline the worker matched with. */
  digests: Record<string, string>;
}

const PENDING = Symbol.for('nianjian.precomputedFollowUps');
type Global = { [PENDING]?: Promise<PrecomputedFollowUps | undefined> };

/** A digest of what follow-up matching reads of a report. */
export function analysisDigest(report: Pick<SeriesReport, 'id' | 'year' | 'unit' | 'analysis' | 'outline' | 'followUps'>): string {
  return createHash('sha1')
    .update(JSON.stringify([report.id, report.year, report.unit, report.analysis, report.outline, report.followUps ?? []]))
    .digest('hex');
}

/** Starts the worker; its result (or undefined, if it failed) is waited for by `takePrecomputedFollowUps`. */
export function startFollowUpPrecompute(projectRoot: string, input: PrecomputeInput): void {
  const worker = new Worker(path.join(projectRoot, 'src/node/follow-up-worker.ts'), { workerData: input });
  (globalThis as Global)[PENDING] = new Promise((resolve) => {
    worker.once('message', (result: PrecomputedFollowUps) => resolve(result));
    worker.once('error', (error) => {
      console.warn(`后续情况预计算失败，改在页面生成时计算：${error.message}`);
      resolve(undefined);
    });
    // After its message the worker exits; exiting without one (it ran out of memory, say) is a failure too.
    worker.once('exit', (code) => {
      resolve(undefined);
      if (code !== 0) console.warn(`后续情况预计算的线程异常退出（退出码 ${code}），改在页面生成时计算`);
    });
  });
}

/**
 * The worker's follow-ups for these reports, or undefined when there was no worker or its analysis of any
 * report differs from the build's.
 */
export async function takePrecomputedFollowUps(reports: readonly SeriesReport[]): Promise<ResolvedFollowUp[] | undefined> {
  const pending = (globalThis as Global)[PENDING];
  if (!pending) return undefined;
  const result = await pending;
  if (!result) return undefined;
  const ids = Object.keys(result.digests);
  const same = ids.length === reports.length && reports.every((report) => result.digests[report.id] === analysisDigest(report));
  if (!same) {
    console.warn('后续情况预计算所用的分析与构建不一致，改在页面生成时计算');
    return undefined;
  }
  // NIANJIAN_DEBUG=1 says so, for the benches and tests that check the worker is used.
  if (process.env['NIANJIAN_DEBUG']) console.error(`precomputed follow-ups used for ${reports.length} reports`);
  return result.followUps;
}
