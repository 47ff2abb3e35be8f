// One unit's recurring numbers across its reports ("党组理论学习中心组学习 20→22→24次"),
// and a small line chart of such a series.

import type { AnalyzedMetric, ReportAnalysis } from '../structure/analyze.ts';
import { labelFeatures, convertUnit, mapSectionRoles, scoreMetricMatch } from './compare.ts';
import { normalizeText } from '../search/text-normalize.ts';

export interface MetricPoint {
  year: number;
  /** In the series' unit. */
  value: number;
  valueMax?: number;
  qualifier?: string;
  reportId: string;
  label: string;
  sentence: string;
  section: string | null;
}

export interface MetricSeries {
  label: string;
  unit: string;
  /** `planned`: targets from plans sections ("增长5%左右"); `reported`: what the reports say was done. */
  basis: 'reported' | 'planned';
  points: MetricPoint[];
}

export interface SeriesInput {
  id: string;
  year: number;
  analysis: ReportAnalysis;
}

/** A report's metric that may join a series; the sites of a sharded archive keep these per report. */
export interface MetricCandidate {
  metric: AnalyzedMetric;
  basis: MetricSeries['basis'];
  reportId: string;
  year: number;
}

/**
 * One metric per label, basis and unit in a report. A label said twice is usually the
 * review's figure and a later mention of it (problems, a comparison); the review's counts.
 */
export function pickReportMetrics(report: SeriesInput): MetricCandidate[] {
  const roles = mapSectionRoles(report.analysis);
  const rank = (m: AnalyzedMetric) => ({ review: 0, other: 1, problems: 2, plans: 0 })[(m.section && roles.get(m.section)) || 'other'];
  const kept = new Map<string, MetricCandidate>();
  for (const metric of report.analysis.metrics) {
    // A five-year total or the start of a "从…到…" span is not this year's figure.
    if (metric.period) continue;
    const basis = metric.section !== null && roles.get(metric.section) === 'plans' ? 'planned' : 'reported';
    const key = `${basis}|${normalizeText(metric.label)}|${metric.unit}`;
    const held = kept.get(key);
    if (!held || rank(metric) < rank(held.metric)) kept.set(key, { metric, basis, reportId: report.id, year: report.year });
  }
  return [...kept.values()];
}

/** The label the points use most, the latest on a tie. */
function chooseLabel(points: MetricPoint[]): string {
  const counts = new Map<string, number>();
  for (const p of points) counts.set(p.label, (counts.get(p.label) ?? 0) + 1);
  return [...counts.entries()].sort(([a, x], [b, y]) => y - x || points.findLastIndex((p) => p.label === b) - points.findLastIndex((p) => p.label === a))[0]![0];
}

/**
 * The series of ONE unit's reports: metrics matched year to year as compareMetrics matches
 * them (same label, or labels alike in the same unit), at most one point a year, targets
 * apart from reported figures. Only series covering `minYears` years (2) are kept, the
 * longest first.
 */
export function buildMetricSeries(reports: readonly SeriesInput[], options: { minYears?: number } = {}): MetricSeries[] {
  return buildMetricSeriesOf(reports.flatMap(pickReportMetrics), options);
}

/** The same from each report's candidates (pickReportMetrics), in report order. */
export function buildMetricSeriesOf(reportMetrics: readonly MetricCandidate[], options: { minYears?: number } = {}): MetricSeries[] {
  const minYears = options.minYears ?? 2;
  const series: (MetricSeries & { labels: { label: string; unit: string }[] })[] = [];
  const years = [...new Set(reportMetrics.map((r) => r.year))].sort((a, b) => a - b);
  // Series reachable from a label: by a shared bigram (likeness needs one) or the same normalised text.
  const byKey = new Map<string, Set<number>>();
  const index = (label: string, s: number) => {
    const features = labelFeatures(label);
    for (const key of [`=${features.normalized}`, ...features.counts.keys()]) {
      const set = byKey.get(key) ?? new Set<number>();
      set.add(s);
      byKey.set(key, set);
    }
  };
  for (const year of years) {
    const candidates = reportMetrics.filter((r) => r.year === year);
    // Every candidate against the open series it could match; the surest matches are taken first.
    const pairs: { c: number; s: number; score: number }[] = [];
    candidates.forEach((candidate, c) => {
      const features = labelFeatures(candidate.metric.label);
      const reachable = new Set<number>();
      for (const key of [`=${features.normalized}`, ...features.counts.keys()]) for (const s of byKey.get(key) ?? []) reachable.add(s);
      for (const s of reachable) {
        const serie = series[s]!;
        if (serie.basis !== candidate.basis || serie.points.at(-1)!.year === year) continue;
        const score = Math.max(...serie.labels.map((l) => scoreMetricMatch(l, candidate.metric)));
        if (score > 0) pairs.push({ c, s, score });
      }
    });
    pairs.sort((a, b) => b.score - a.score || a.c - b.c);
    const placed = new Set<number>();
    const filled = new Set<number>();
    for (const { c, s } of pairs) {
      if (placed.has(c) || filled.has(s)) continue;
      placed.add(c);
      filled.add(s);
      const serie = series[s]!;
      const metric = candidates[c]!.metric;
      serie.points.push(toPoint(candidates[c]!, serie.unit));
      if (!serie.labels.some((l) => l.label === metric.label && l.unit === metric.unit)) {
        serie.labels.push({ label: metric.label, unit: metric.unit });
        index(metric.label, s);
      }
    }
    candidates.forEach((candidate, c) => {
      if (placed.has(c)) return;
      const { metric } = candidate;
      series.push({ label: metric.label, unit: metric.unit, basis: candidate.basis, points: [toPoint(candidate, metric.unit)], labels: [{ label: metric.label, unit: metric.unit }] });
      index(metric.label, series.length - 1);
    });
  }
  return series
    .filter((s) => s.points.length >= minYears)
    .map(({ labels: _labels, ...s }) => ({ ...s, label: chooseLabel(s.points) }))
    .sort((a, b) => b.points.length - a.points.length || a.points[0]!.year - b.points[0]!.year || a.label.localeCompare(b.label, 'zh'));
}

function toPoint({ metric, reportId, year }: MetricCandidate, unit: string): MetricPoint {
  const point: MetricPoint = {
    year, value: convertUnit(metric.value, metric.unit, unit)!, reportId, label: metric.label, sentence: metric.sentence, section: metric.section,
  };
  if (metric.valueMax !== undefined) point.valueMax = convertUnit(metric.valueMax, metric.unit, unit)!;
  if (metric.qualifier !== undefined) point.qualifier = metric.qualifier;
  return point;
}

// ---- Sparkline ----

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]!);
}

const formatNumber = (value: number) => String(Math.round(value * 100) / 100);

/**
 * A small axis-free line chart of a series: a line through the points, a dot per year and
 * the years below. role="img" with a <title> that reads out every value, for screen readers.
 */
export function renderSparklineSvg(series: MetricSeries, { width = 160, height = 48 }: { width?: number; height?: number } = {}): string {
  const points = [...series.points].sort((a, b) => a.year - b.year);
  const pad = { x: 12, top: 5, bottom: 14 };
  const first = points[0]?.year ?? 0;
  const span = (points.at(-1)?.year ?? first) - first;
  const values = points.map((p) => p.value);
  const low = Math.min(...values);
  const range = Math.max(...values) - low;
  const innerWidth = width - 2 * pad.x;
  const innerHeight = height - pad.top - pad.bottom;
  const x = (year: number) => pad.x + (span === 0 ? innerWidth / 2 : ((year - first) / span) * innerWidth);
  const y = (value: number) => pad.top + (range === 0 ? innerHeight / 2 : (1 - (value - low) / range) * innerHeight);
  const coords = points.map((p) => ({ p, cx: Math.round(x(p.year) * 10) / 10, cy: Math.round(y(p.value) * 10) / 10 }));
  const title = `${series.label}（${series.unit || '数值'}）：${points.map((p) => `${p.year}年 ${formatNumber(p.value)}`).join('，')}`;
  // Four-digit years need about 24px; when they would collide only the first and last are written.
  const labelAll = points.length < 2 || innerWidth / Math.max(span, 1) >= 24;
  const labels = coords.filter((_, i) => labelAll || i === 0 || i === coords.length - 1);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="sparkline" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">`,
    `<title>${escapeXml(title)}</title>`,
    coords.length > 1 ? `<polyline fill="none" stroke="currentColor" stroke-width="1.5" points="${coords.map((c) => `${c.cx},${c.cy}`).join(' ')}"/>` : '',
    ...coords.map((c) => `<circle cx="${c.cx}" cy="${c.cy}" r="2.5" fill="currentColor"><title>${c.p.year}年 ${escapeXml(formatNumber(c.p.value) + series.unit)}</title></circle>`),
    ...labels.map((c) => `<text x="${c.cx}" y="${height - 3}" font-size="9" text-anchor="middle" fill="currentColor">${c.p.year}</text>`),
    '</svg>',
  ].join('');
}

/** Longest excerpt `metricClause` gives when a sentence does not contain the metric's label. */
const CLAUSE_FALLBACK = 40;

/**
 * The clause of `sentence` that states a metric, from the mark before its label to the one after it
 * ("…城镇新增就业1361万人…"): a chart point's tooltip. Whole sentences repeated for every figure they hold
 * were a third of a unit's trends page.
 */
export function metricClause(sentence: string, label: string): string {
  const at = label ? sentence.indexOf(label) : -1;
  if (at < 0) return sentence.length <= CLAUSE_FALLBACK ? sentence : `${sentence.slice(0, CLAUSE_FALLBACK)}…`;
  const before = sentence.slice(0, at);
  const start = Math.max(...['，', '；', '。', '：', '、'].map((mark) => before.lastIndexOf(mark))) + 1;
  const rest = /[，；。]/.exec(sentence.slice(at + label.length));
  const end = rest ? at + label.length + rest.index : sentence.length;
  return `${start > 0 ? '…' : ''}${sentence.slice(start, end)}${end < sentence.length ? '…' : ''}`;
}
