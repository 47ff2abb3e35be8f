// The 目标完成情况 of a report: each figure its target commitments set ("国内生产总值增长5%左右"),
// the outcome the unit's next report gives for it and the verdict with its reason ("5% ≥ 5%左右").
// Built from the follow-ups the build has already resolved; nothing here reads a report again.

import type { AnalyzedCommitment, ReportAnalysis } from '../structure/analyze.ts';
import { formatMetricValue } from '../structure/report-view.ts';
import { readIndicator } from './indicator.ts';
import { checkTarget, readOutcomes, readTargetBound, type Figure, type OutcomeTable, type TargetCheck, type TargetOutcome, type TargetVerdict } from './target-outcome.ts';

export interface TargetRow {
  commitmentId: string;
  /** HTML id of the commitment in its report. */
  anchor: string;
  /** The commitment as the report words it. */
  text: string;
  indicator: string;
  target: Figure;
  /** The next report's figure, in the target's unit, with where it stands. */
  outcome?: { value: number; unit: string; reportId: string; year: number; section: string | null; sentence: string };
  verdict: TargetVerdict;
  /** "5% ≥ 5%左右", "尚无后续报告"… */
  reason: string;
}

export interface TargetTable {
  reportId: string;
  year: number;
  unit: string;
  /** The unit's next report, where outcomes were looked for. */
  next?: { id: string; year: number };
  rows: TargetRow[];
  counts: Record<TargetVerdict, number>;
}

export interface TargetReport {
  id: string;
  year: number;
  unit: string;
  analysis: ReportAnalysis;
}

const round = (value: number) => String(Math.round(value * 100) / 100);

/** Why a check got its verdict: the two figures and how they compare, or why there is no outcome. */
export function explainVerdict(check: Pick<TargetCheck, 'target' | 'verdict'> & { outcome?: { value: number } }, next?: { year: number }): string {
  const { target, outcome } = check;
  if (!outcome || check.verdict === '无结果') return next ? `${next.year}年报告中未找到该指标的实绩` : '尚无后续报告';
  const { side, limit } = readTargetBound(target, readIndicator(target.label, target.qualifier));
  const strictly = side === 'floor' ? outcome.value >= limit : outcome.value <= limit;
  const sign = check.verdict === '达成' ? (strictly ? (side === 'floor' ? '≥' : '≤') : '≈') : side === 'floor' ? '<' : '>';
  return `${round(outcome.value)}${target.unit} ${sign} ${formatMetricValue(target)}`;
}

/** The next report of each report: the same unit's report of the first later year (the one resolveFollowUps compared with). */
function findNextReports<R extends TargetReport>(reports: readonly R[]): Map<string, R> {
  const byUnit = new Map<string, R[]>();
  for (const report of reports) {
    const list = byUnit.get(report.unit);
    if (list) list.push(report);
    else byUnit.set(report.unit, [report]);
  }
  const next = new Map<string, R>();
  for (const series of byUnit.values()) {
    for (const report of series) {
      let found: R | undefined;
      for (const other of series) if (other.year > report.year && (!found || other.year < found.year)) found = other;
      if (found) next.set(report.id, found);
    }
  }
  return next;
}

function toRow(commitment: AnalyzedCommitment, check: TargetCheck, next: TargetReport | undefined): TargetRow {
  const { outcome } = check;
  return {
    commitmentId: commitment.id, anchor: commitment.anchor, text: commitment.text, indicator: check.indicator || check.target.label,
    target: check.target,
    ...(outcome ? { outcome: { value: outcome.value, unit: outcome.unit, reportId: outcome.reportId, year: next?.year ?? 0, section: outcome.section, sentence: outcome.sentence } } : {}),
    verdict: check.verdict,
    reason: explainVerdict(check, next),
  };
}

/**
 * One table per report with target commitments, keyed by report id. A target's outcome and verdict come
 * from its resolved follow-up; a target answered explicitly (which gets no automatic check) is checked
 * here against the next report's figures, read once per next report.
 */
export function buildTargetTables(
  reports: readonly TargetReport[],
  followUpsByKey: ReadonlyMap<string, { target?: TargetOutcome }>,
): Map<string, TargetTable> {
  const nextOf = findNextReports(reports);
  const outcomeCache = new Map<string, OutcomeTable>();
  const tables = new Map<string, TargetTable>();
  for (const report of reports) {
    const targets = report.analysis.commitments.filter((c) => (c.targets?.length ?? 0) > 0);
    if (targets.length === 0) continue;
    const next = nextOf.get(report.id);
    const rows = targets.flatMap((commitment) => {
      let outcome = followUpsByKey.get(`${report.id}#${commitment.id}`)?.target;
      if (!outcome && next) {
        let table = outcomeCache.get(next.id);
        if (!table) outcomeCache.set(next.id, (table = readOutcomes(next)));
        outcome = checkTarget(commitment, next, table) ?? undefined;
      }
      const checks: TargetCheck[] = outcome?.checks
        ?? commitment.targets!.map((target) => ({ indicator: readIndicator(target.label, target.qualifier).name, target, verdict: '无结果' as const }));
      return checks.map((check) => toRow(commitment, check, next));
    });
    const counts: Record<TargetVerdict, number> = { 达成: 0, 未达成: 0, 无结果: 0 };
    for (const row of rows) counts[row.verdict] += 1;
    tables.set(report.id, { reportId: report.id, year: report.year, unit: report.unit, ...(next ? { next: { id: next.id, year: next.year } } : {}), rows, counts });
  }
  return tables;
}

/** A short piece of the outcome's sentence around its indicator, for the table. */
export function quoteOutcome(sentence: string, indicator: string, max = 50): string {
  const chars = [...sentence];
  if (chars.length <= max) return sentence;
  const at = Math.max(0, [...sentence.slice(0, Math.max(0, sentence.indexOf(indicator)))].length - 10);
  const start = Math.min(at, chars.length - max);
  return `${start > 0 ? '…' : ''}${chars.slice(start, start + max).join('')}${start + max < chars.length ? '…' : ''}`;
}
