// Follow-up matching and the ledger workbooks on the second core. The Astro build compiles every report on
// one thread before any page needs them; a worker thread started when the build starts reads the same
// files, analyses them with the same functions and hands each report's plan (analysis, outline and ids) to
// the MDX build as soon as it is made, which takes it instead of analysing the report again when the input
// is the same (same digest; takePrecomputedStructure). It then matches the follow-ups, then writes each
// year's ledger workbook while Astro renders the pages. The pages use the worker's results only if its
// analysis of every report is the one the MDX build has (same digest), and a workbook only if it was made
// for the same base path and site address; otherwise they compute their own, as without the worker.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { PageFollowUp, SeriesReport } from '../lib/compare/follow-up.ts';
import { unpackStrings, type PackedStrings } from './thread-strings.ts';
import type { PlannedStructure } from '../plugins/remark-report-structure.ts';

export interface PrecomputeInput {
  reportsDir: string;
  /** The report files the build reads (a shard's own and context files). */
  files: string[];
  kinds: readonly string[];
  roleKeywords: unknown;
  /** For the workbooks' links, as the site has them. */
  base: string;
  siteUrl: string | undefined;
}

/** What the worker is started with. */
export interface PrecomputeWorkerData extends PrecomputeInput {
  /** See Pending.structurePort. */
  structurePort: MessagePort;
}

export interface PrecomputedFollowUps {
  type: 'followUps';
  followUps: PackedStrings<PageFollowUp[]>;
  /** Report id → digest of the analysis and outline the worker matched with. */
  digests: Record<string, string>;
}

/** One report's analysis and ids, planned by the worker from the same input the MDX build will read. */
export interface PrecomputedStructure {
  type: 'structure';
  /** The report's absolute path, as the MDX build names it. */
  file: string;
  /** analyzeInputDigest of what the worker analysed. */
  digest: string;
  planned: PlannedStructure;
}

export interface PrecomputedWorkbooks {
  type: 'workbooks';
  base: string;
  siteUrl: string | undefined;
  workbooks: [year: number, bytes: Uint8Array<ArrayBuffer>][];
}

interface Pending {
  /**
   * Where the worker posts each report's plan. Read synchronously (receiveMessageOnPort) when the MDX build
   * asks: while Astro compiles the reports its event loop seldom turns, and queued message events would
   * arrive only after the last report.
   */
  structurePort: MessagePort;
  /** Plans received from the worker and not yet taken, by file. */
  structures: Map<string, PrecomputedStructure>;
  /** Files the MDX build has analysed itself: a plan arriving for one of them is dropped. */
  analysedHere: Set<string>;
  /** How many reports the MDX build took from the worker, and how many it analysed itself. */
  structureCounts: { taken: number; analysed: number };
  followUps: Promise<PrecomputedFollowUps | undefined>;
  workbooks: Promise<PrecomputedWorkbooks | undefined>;
  /** Set once the pages have checked the follow-ups against their own analysis. */
  accepted?: boolean;
}

const PENDING = Symbol.for('nianjian.precomputed');
type Global = { [PENDING]?: Pending };

/** Reports in id order: the worker and the pages match follow-ups over the same order, for the same output. */
export function sortById<T extends { id: string }>(reports: readonly T[]): T[] {
  return [...reports].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A digest of what follow-up matching reads of a report. */
export function analysisDigest(report: Pick<SeriesReport, 'id' | 'year' | 'unit' | 'analysis' | 'outline' | 'followUps'>): string {
  return createHash('sha1')
    .update(JSON.stringify([report.id, report.year, report.unit, report.analysis, report.outline, report.followUps ?? []]))
    .digest('hex');
}

/** Starts the worker; the pages wait for its results with `takePrecomputedFollowUps` and `takePrecomputedWorkbook`. */
export function startFollowUpPrecompute(projectRoot: string, input: PrecomputeInput): void {
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(path.join(projectRoot, 'src/node/follow-up-worker.ts'), {
    workerData: { ...input, structurePort: port2 } satisfies PrecomputeWorkerData,
    transferList: [port2],
  });
  let resolveFollowUps: (value: PrecomputedFollowUps | undefined) => void = () => {};
  let resolveWorkbooks: (value: PrecomputedWorkbooks | undefined) => void = () => {};
  const pending: Pending = {
    structurePort: port1,
    structures: new Map(),
    analysedHere: new Set(),
    structureCounts: { taken: 0, analysed: 0 },
    followUps: new Promise((resolve) => (resolveFollowUps = resolve)),
    workbooks: new Promise((resolve) => (resolveWorkbooks = resolve)),
  };
  (globalThis as Global)[PENDING] = pending;
  const started = performance.now();
  worker.on('message', (message: PrecomputedFollowUps | PrecomputedWorkbooks) => {
    if (process.env['NIANJIAN_DEBUG']) console.error(`precompute: ${message.type} ready after ${((performance.now() - started) / 1000).toFixed(1)} s`);
    if (message.type === 'followUps') resolveFollowUps(message);
    else resolveWorkbooks(message);
  });
  worker.once('error', (error) => console.warn(`后续情况预计算失败，改在页面生成时计算：${error.message}`));
  // Exiting without a result (it ran out of memory, say) leaves the pages to compute their own.
  worker.once('exit', (code) => {
    resolveFollowUps(undefined);
    resolveWorkbooks(undefined);
    if (code !== 0) console.warn(`后续情况预计算的线程异常退出（退出码 ${code}），改在页面生成时计算`);
  });
}

/** Resolves once the worker has posted its follow-ups (every report's plan was posted before them), or ended without. */
export async function precomputedFollowUpsPosted(): Promise<void> {
  await (globalThis as Global)[PENDING]?.followUps;
}

/**
 * The worker's plan of a report, if it has arrived and was made from the input the MDX build is about to
 * analyse (same digest); otherwise the build analyses the report itself. Each plan is taken once.
 */
export function takePrecomputedStructure(file: string | undefined, digest: string): PlannedStructure | undefined {
  const pending = (globalThis as Global)[PENDING];
  if (!pending || file === undefined) return undefined;
  for (let received = receiveMessageOnPort(pending.structurePort); received; received = receiveMessageOnPort(pending.structurePort)) {
    const message = received.message as PrecomputedStructure;
    if (!pending.analysedHere.has(message.file)) pending.structures.set(message.file, message);
  }
  const arrived = pending.structures.get(file);
  pending.structures.delete(file);
  const usable = arrived?.digest === digest ? arrived.planned : undefined;
  pending.structureCounts[usable ? 'taken' : 'analysed']++;
  if (!usable) pending.analysedHere.add(file);
  return usable;
}

/**
 * The worker's follow-ups for these reports, or undefined when there was no worker or its analysis of any
 * report differs from the build's.
 */
export async function takePrecomputedFollowUps(reports: readonly SeriesReport[]): Promise<PageFollowUp[] | undefined> {
  const pending = (globalThis as Global)[PENDING];
  if (!pending) return undefined;
  // Digested before waiting: the worker is usually still matching when the pages get here (3 s at 1,000 reports).
  const digests = reports.map(analysisDigest);
  const result = await pending.followUps;
  // Every report is compiled by now: plans that were not taken are not needed.
  pending.structurePort.close();
  pending.structures.clear();
  if (!result) return undefined;
  const same = Object.keys(result.digests).length === reports.length && reports.every((report, i) => result.digests[report.id] === digests[i]);
  pending.accepted = same;
  if (!same) {
    console.warn('后续情况预计算所用的分析与构建不一致，改在页面生成时计算');
    return undefined;
  }
  // NIANJIAN_DEBUG=1 says so, for the benches and tests that check the worker is used.
  if (process.env['NIANJIAN_DEBUG']) {
    const { taken, analysed } = pending.structureCounts;
    console.error(`precomputed follow-ups used for ${reports.length} reports; precomputed analyses used for ${taken}, ${analysed} analysed again`);
  }
  return shareTexts(unpackStrings(result.followUps), reports);
}

/**
 * The worker's texts arrive once each (thread-strings.ts), but as copies of what the build already holds:
 * points every text at the build's own copy of a commitment's text where it has one, so that the arrived
 * copies can be collected.
 */
function shareTexts(followUps: PageFollowUp[], reports: readonly SeriesReport[]): PageFollowUp[] {
  const pool = new Map<string, string>();
  for (const report of reports) for (const commitment of report.analysis.commitments) pool.set(commitment.text, commitment.text);
  const share = (text: string): string => {
    const shared = pool.get(text);
    if (shared !== undefined) return shared;
    pool.set(text, text);
    return text;
  };
  for (const followUp of followUps) {
    followUp.text = share(followUp.text);
    for (const entry of followUp.followUps) entry.text = share(entry.text);
    for (const entry of followUp.explicit) if (entry.evidence) entry.evidence = share(entry.evidence);
  }
  return followUps;
}

/** The worker's workbook of a year's ledger, if its follow-ups were the build's and its links are the site's. */
export async function takePrecomputedWorkbook(year: number, base: string, siteUrl: string | undefined): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const pending = (globalThis as Global)[PENDING];
  if (!pending?.accepted) return undefined;
  const result = await pending.workbooks;
  if (!result || result.base !== base || result.siteUrl !== siteUrl) return undefined;
  const bytes = result.workbooks.find(([y]) => y === year)?.[1];
  if (bytes && process.env['NIANJIAN_DEBUG']) console.error(`precomputed workbook used for ${year}`);
  return bytes;
}
