// Targets against outcomes: for a target of year N ("国内生产总值增长5%左右"), the same indicator's
// figure in the review of the unit's next report, and a verdict from the two numbers and the
// target's qualifier (左右, 以上, 以内, 不超过).

import type { AnalyzedCommitment, AnalyzedMetric, ReportAnalysis } from '../structure/analyze.ts';
import { convertUnit, mapSectionRoles, measureBigramSimilarity, LABEL_MATCH } from './compare.ts';
import { readIndicator, type Indicator } from './indicator.ts';

export type TargetVerdict = '达成' | '未达成' | '无结果';

export interface Figure {
  label: string;
  value: number;
  valueMax?: number;
  unit: string;
  qualifier?: string;
}

export interface TargetCheck {
  indicator: string;
  target: Figure;
  /** The outcome in the target's unit, with the sentence and section it was read from. */
  outcome?: Figure & { sentence: string; section: string | null; reportId: string };
  verdict: TargetVerdict;
}

export interface TargetOutcome {
  /** One check per figure of the target ("达到240亿元，同比增长21%" has two). */
  checks: TargetCheck[];
  /** 未达成 if any figure fell short, 达成 if all found ones were reached, 无结果 if none was found. */
  verdict: TargetVerdict;
}

const AT_LEAST = /以上|不低于|不少于|超过|突破|多|余|力争|达到|达/;
const AT_MOST = /以内|以下|不超过|不高于|控制在/;
const ABOUT = /左右|上下|约|近/;

/** Slack for "左右": a tenth of a point for rates, 2% of the value for counts and amounts. */
function tolerance(target: Figure): number {
  return target.unit === '%' || target.unit.endsWith('百分点') ? Math.max(0.1, 0.02 * Math.abs(target.value)) : 0.02 * Math.abs(target.value);
}

/** Which side of the target an outcome must fall on, the limit and the slack "左右" allows. */
export interface TargetBound {
  side: 'floor' | 'ceiling';
  limit: number;
  slack: number;
}

export function readTargetBound(target: Figure, indicator: Indicator): TargetBound {
  const qualifier = target.qualifier ?? '';
  // A fall to reach ("能耗降低2.5%") is reached by falling at least that much.
  const lessIsBetter = indicator.measure === 'change' && indicator.direction === -1 ? false : indicator.lowerIsBetter;
  const low = target.value;
  const high = target.valueMax ?? target.value;
  if (AT_MOST.test(qualifier)) return { side: 'ceiling', limit: high, slack: 0 };
  if (AT_LEAST.test(qualifier) && !ABOUT.test(qualifier)) return lessIsBetter ? { side: 'ceiling', limit: high, slack: 0 } : { side: 'floor', limit: low, slack: 0 };
  const slack = ABOUT.test(qualifier) ? tolerance(target) : 0;
  return lessIsBetter ? { side: 'ceiling', limit: high, slack } : { side: 'floor', limit: low, slack };
}

/** Whether `outcome` (already in the target's unit) reaches the target. */
export function judgeTarget(target: Figure, indicator: Indicator, outcome: number): Exclude<TargetVerdict, '无结果'> {
  const { side, limit, slack } = readTargetBound(target, indicator);
  const reached = side === 'ceiling' ? outcome <= limit + slack : outcome >= limit - slack;
  return reached ? '达成' : '未达成';
}

/** The year's own figures of a report's review and problems parts, each with the indicator it measures. */
export interface OutcomeTable {
  reportId: string;
  figures: { metric: AnalyzedMetric; indicator: Indicator }[];
}

/** Read once per next report, then looked up for each of the previous report's targets. */
export function readOutcomes(next: { id: string; analysis: ReportAnalysis }): OutcomeTable {
  const roles = mapSectionRoles(next.analysis);
  const figures = next.analysis.metrics
    .filter((metric) => {
      const role = metric.section === null ? 'other' : roles.get(metric.section);
      return !metric.period && (role === 'review' || role === 'problems');
    })
    .map((metric) => ({ metric, indicator: readIndicator(metric.label, metric.qualifier) }));
  return { reportId: next.id, figures };
}

/** The figure of the next report that measures the same indicator, in the target's unit. */
function findOutcome(target: Figure, indicator: Indicator, outcomes: OutcomeTable): TargetCheck['outcome'] {
  let best: { metric: AnalyzedMetric; value: number; score: number } | undefined;
  for (const { metric, indicator: other } of outcomes.figures) {
    if (other.measure !== indicator.measure || (indicator.measure === 'change' && other.direction !== indicator.direction)) continue;
    const value = convertUnit(metric.value, metric.unit, target.unit);
    if (value === null) continue;
    const score = other.name === indicator.name ? 1 : measureBigramSimilarity(other.name, indicator.name);
    if (score < LABEL_MATCH || (best && score <= best.score)) continue;
    best = { metric, value, score };
    if (score === 1) break;
  }
  if (!best) return undefined;
  const { metric, value } = best;
  return {
    label: metric.label, value, unit: target.unit,
    ...(metric.valueMax !== undefined ? { valueMax: convertUnit(metric.valueMax, metric.unit, target.unit)! } : {}),
    ...(metric.qualifier !== undefined ? { qualifier: metric.qualifier } : {}),
    sentence: metric.sentence, section: metric.section, reportId: outcomes.reportId,
  };
}

/** The outcome and verdict of a target commitment against the unit's next report; null for a commitment without figures. */
export function checkTarget(
  commitment: Pick<AnalyzedCommitment, 'targets'>,
  next: { id: string; analysis: ReportAnalysis },
  outcomes: OutcomeTable = readOutcomes(next),
): TargetOutcome | null {
  const figures = commitment.targets ?? [];
  if (figures.length === 0) return null;
  const checks = figures.map((target): TargetCheck => {
    const indicator = readIndicator(target.label, target.qualifier);
    const outcome = findOutcome(target, indicator, outcomes);
    return { indicator: indicator.name, target, ...(outcome ? { outcome } : {}), verdict: outcome ? judgeTarget(target, indicator, outcome.value) : '无结果' };
  });
  const found = checks.filter((c) => c.verdict !== '无结果');
  const verdict = found.length === 0 ? '无结果' : found.some((c) => c.verdict === '未达成') ? '未达成' : '达成';
  return { checks, verdict };
}
