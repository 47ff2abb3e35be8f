/**
 * Promise quality on real reports (issue 10), against the hand-labelled truth of
 * tests/fixtures/promise-truth/ (one file per pair of consecutive corpus reports; how it
 * was labelled: its README.md).
 *
 *   npx node bench/promise-quality.ts [--misses] [--runs N]
 *
 * Loads the 61 corpus reports as the build does (bench/corpus-archive.ts), times
 * resolveFollowUps over all of them, then prints per pair, per kind and overall:
 * - inside: share of promises whose text lies inside one extracted commitment (target ≥ 95%);
 * - first / top 3: for promises the next year reports on, the right sentence is the first
 *   follow-up shown (≥ 80%) / among the first three (≥ 90%);
 * - silent: for promises the next year says nothing about, no follow-up shown (≥ 70%).
 * A promise outside every commitment counts as a miss in every column.
 * Held-out truth (tests/fixtures/promise-truth-heldout/, when it exists) is printed apart.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { resolveFollowUps, type ResolvedFollowUp } from '../src/lib/compare/follow-up.ts';
import { loadCorpusArchive, type CorpusReport } from './corpus-archive.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
export const TRUTH_DIR = path.join(ROOT, 'tests/fixtures/promise-truth');
export const HELDOUT_DIR = path.join(ROOT, 'tests/fixtures/promise-truth-heldout');

export type PromiseKind = 'target' | 'task' | 'general';
export interface TruthPromise { id: string; kind: PromiseKind; text: string; evidence: string[]; reason: string }
export interface PairTruth { pair: string; unit: string; corpus: string; from: number; to: number; scope: string; promises: TruthPromise[] }

export function loadPromiseTruth(dir = TRUTH_DIR): PairTruth[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as PairTruth);
}

const MARKER = /^(?:[一二三四五六七八九十]{1,3}[是要]|第[一二三四五六七八九十]{1,3}[，,、]|首先，?|其次，?|再次，?|最后，?)/;

/** For comparing texts: no whitespace, half-width digits, no enumeration marker or end punctuation. */
export function normalizeForMatch(text: string): string {
  return text
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(/[０-９．％]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(MARKER, '')
    .replace(/[。；;，,！!？?：:、]+$/u, '');
}

/** What a reader sees under a commitment, first to last. */
interface ShownFollowUp { report: string; text: string; score?: number }

function shownFollowUps(item: ResolvedFollowUp | undefined): ShownFollowUp[] {
  if (!item) return [];
  const list = (item as { followUps?: ShownFollowUp[] }).followUps;
  if (list) return list;
  // The result shape before issue 10: explicit entries, then suggestions.
  const old = item as unknown as { explicit: { reportId: string; evidence: string | null }[]; suggested: { reportId: string; text: string; score: number }[] };
  return [
    ...old.explicit.map((e) => ({ report: e.reportId, text: e.evidence ?? '' })),
    ...old.suggested.map((s) => ({ report: s.reportId, text: s.text, score: s.score })),
  ];
}

/** A follow-up is right when it is one of the truth sentences, or holds one, or lies inside one. */
export function isRightEvidence(shown: string, truth: readonly string[]): boolean {
  const a = normalizeForMatch(shown);
  if ([...a].length < 4) return false;
  return truth.some((t) => { const b = normalizeForMatch(t); return a.includes(b) || b.includes(a); });
}

export interface PromiseResult {
  pair: string;
  promise: TruthPromise;
  /** The smallest commitment holding the promise, if any. */
  commitment: { id: string; text: string; kind?: string } | undefined;
  shown: ShownFollowUp[];
  /** 1-based rank of the first right follow-up, 0 when none is right. */
  rank: number;
}

export function measurePromises(reports: readonly CorpusReport[], followUps: readonly ResolvedFollowUp[], truth: readonly PairTruth[]): PromiseResult[] {
  const byKey = new Map(followUps.map((f) => [f.commitmentKey, f]));
  return truth.flatMap((pair) => {
    const from = reports.find((r) => r.file === `${pair.corpus}/${pair.from}`);
    const to = reports.find((r) => r.file === `${pair.corpus}/${pair.to}`);
    if (!from || !to) throw new Error(`${pair.pair}: report not loaded`);
    const commitments = from.analysis.commitments.map((c) => ({ ...c, norm: normalizeForMatch(c.text) }));
    return pair.promises.map((promise) => {
      const norm = normalizeForMatch(promise.text);
      const holding = commitments.filter((c) => c.norm.includes(norm)).sort((a, b) => a.norm.length - b.norm.length)[0];
      const shown = holding ? shownFollowUps(byKey.get(`${from.id}#${holding.id}`)) : [];
      const rank = shown.findIndex((s) => s.report === to.id && isRightEvidence(s.text, promise.evidence)) + 1;
      const commitment = holding ? { id: holding.id, text: holding.text, ...('kind' in holding ? { kind: String(holding.kind) } : {}) } : undefined;
      return { pair: pair.pair, promise, commitment, shown, rank };
    });
  });
}

export interface Figures { promises: number; inside: number; withEvidence: number; first: number; top3: number; without: number; silent: number }

export function summarize(results: readonly PromiseResult[]): Figures {
  const withEvidence = results.filter((r) => r.promise.evidence.length > 0);
  const without = results.filter((r) => r.promise.evidence.length === 0);
  return {
    promises: results.length,
    inside: results.filter((r) => r.commitment).length,
    withEvidence: withEvidence.length,
    first: withEvidence.filter((r) => r.rank === 1).length,
    top3: withEvidence.filter((r) => r.rank >= 1 && r.rank <= 3).length,
    without: without.length,
    silent: without.filter((r) => r.commitment && r.shown.length === 0).length,
  };
}

const pct = (n: number, d: number) => (d === 0 ? '   —  ' : `${((n / d) * 100).toFixed(1).padStart(5)}%`);

export function formatFigures(label: string, f: Figures): string {
  return `${label.padEnd(28)} ${String(f.promises).padStart(4)}  inside ${pct(f.inside, f.promises)}  first ${pct(f.first, f.withEvidence)}  top3 ${pct(f.top3, f.withEvidence)} (of ${f.withEvidence})  silent ${pct(f.silent, f.without)} (of ${f.without})`;
}

function printTable(title: string, results: readonly PromiseResult[]): void {
  console.log(`\n${title}`);
  const pairs = [...new Set(results.map((r) => r.pair))];
  for (const pair of pairs) console.log(formatFigures(pair, summarize(results.filter((r) => r.pair === pair))));
  for (const kind of ['target', 'task', 'general'] as const) console.log(formatFigures(`kind ${kind}`, summarize(results.filter((r) => r.promise.kind === kind))));
  for (const pair of pairs) {
    for (const kind of ['target', 'task', 'general'] as const) {
      const own = results.filter((r) => r.pair === pair && r.promise.kind === kind);
      if (own.length > 0) console.log(formatFigures(`  ${pair} ${kind}`, summarize(own)));
    }
  }
  console.log(formatFigures('overall', summarize(results)));
}

const clip = (text: string, length = 60) => ([...text].length > length ? `${[...text].slice(0, length).join('')}…` : text);

function printMisses(results: readonly PromiseResult[]): void {
  for (const r of results) {
    const hasEvidence = r.promise.evidence.length > 0;
    if (r.commitment && (hasEvidence ? r.rank === 1 : r.shown.length === 0)) continue;
    console.log(`\n● ${r.pair} ${r.promise.id} [${r.promise.kind}] ${clip(r.promise.text)}`);
    if (!r.commitment) { console.log('  not inside any commitment'); continue; }
    console.log(`  commitment ${r.commitment.id}${r.commitment.kind ? ` (${r.commitment.kind})` : ''}: ${clip(r.commitment.text)}`);
    if (hasEvidence) console.log(`  truth: ${r.promise.evidence.map((e) => clip(e, 50)).join(' | ')}`);
    r.shown.slice(0, 3).forEach((s, i) => console.log(`  ${i + 1}. ${s.score?.toFixed(2) ?? 'explicit'} ${clip(s.text, 70)}`));
    if (r.shown.length === 0) console.log('  (nothing shown)');
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
  let started = performance.now();
  const reports = loadCorpusArchive();
  console.log(`Loaded ${reports.length} corpus reports in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const times: number[] = [];
  let resolved: ReturnType<typeof resolveFollowUps> | undefined;
  for (let run = 0; run < runs; run++) {
    started = performance.now();
    resolved = resolveFollowUps(reports);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const commitments = reports.reduce((sum, r) => sum + r.analysis.commitments.length, 0);
  console.log(`resolveFollowUps over ${reports.length} reports (${commitments} commitments): median ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms of ${runs} runs (min ${times[0]!.toFixed(0)} ms)`);
  const results = measurePromises(reports, resolved!.followUps, loadPromiseTruth());
  printTable('Own truth (tests/fixtures/promise-truth)', results);
  const heldOut = loadPromiseTruth(HELDOUT_DIR);
  if (heldOut.length > 0) printTable('Held-out truth', measurePromises(reports, resolved!.followUps, heldOut));
  else console.log('\nHeld-out truth: none labelled yet (tests/fixtures/promise-truth-heldout/)');
  if (args.includes('--misses')) printMisses(results);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
