// A unit's targets against their outcomes, one indicator a chart: the yearly outcomes as a line
// of dots, each year's target as a hollow diamond (a bar for a range such as "6%-6.5%").
// Hand-written SVG, a few hundred bytes a year, drawn at build time.

import { formatMetricValue } from '../structure/report-view.ts';
import { readIndicator } from './indicator.ts';
import type { TargetTable } from './target-table.ts';
import type { Figure, TargetVerdict } from './target-outcome.ts';

export interface TargetPoint {
  /** The year of the report that set the target; its outcome is read from the next report. */
  year: number;
  reportId: string;
  anchor: string;
  target: Figure;
  outcome?: { value: number; reportId: string; section: string | null };
  verdict: TargetVerdict;
}

export interface TargetSeries {
  /** The target's label as most years word it: "国内生产总值增长". */
  label: string;
  unit: string;
  points: TargetPoint[];
}

/**
 * The unit's target figures grouped by indicator (name, rise or fall, unit), one point a year, the
 * years of the most-watched indicators first. Only indicators with two figures or more to draw
 * (two years' targets, or a target and its outcome) are kept.
 */
export function collectTargetSeries(tables: readonly TargetTable[], { limit = 20 }: { limit?: number } = {}): TargetSeries[] {
  const groups = new Map<string, { unit: string; points: TargetPoint[]; labels: string[] }>();
  for (const table of [...tables].sort((a, b) => a.year - b.year)) {
    for (const row of table.rows) {
      const indicator = readIndicator(row.target.label, row.target.qualifier);
      const key = `${indicator.name}|${indicator.measure}|${indicator.direction}|${row.target.unit}`;
      const group = groups.get(key) ?? { unit: row.target.unit, points: [], labels: [] };
      groups.set(key, group);
      if (group.points.some((p) => p.year === table.year)) continue;
      group.labels.push(row.target.label);
      group.points.push({
        year: table.year, reportId: table.reportId, anchor: row.anchor, target: row.target, verdict: row.verdict,
        ...(row.outcome ? { outcome: { value: row.outcome.value, reportId: row.outcome.reportId, section: row.outcome.section } } : {}),
      });
    }
  }
  return [...groups.values()]
    .filter((g) => g.points.length + g.points.filter((p) => p.outcome).length >= 2)
    .map((g) => ({ label: mostCommon(g.labels), unit: g.unit, points: g.points }))
    .sort((a, b) => b.points.length - a.points.length || a.label.localeCompare(b.label, 'zh'))
    .slice(0, limit);
}

function mostCommon(labels: string[]): string {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts.entries()].sort(([, x], [, y]) => y - x)[0]![0];
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]!);
}

const round = (value: number) => Math.round(value * 10) / 10;
const show = (value: number) => String(Math.round(value * 100) / 100);

/** "2024年 目标 5%左右，实绩 5%（达成）": one year of a series, read out. */
export function describeTargetPoint(point: TargetPoint, unit: string): string {
  const outcome = point.outcome ? `实绩 ${show(point.outcome.value)}${unit}（${point.verdict}）` : '尚无实绩';
  return `${point.year}年 目标 ${formatMetricValue(point.target)}，${outcome}`;
}

/** "2022–2024年 3 个目标：达成 2，未达成 0，无结果 1": the chart's description; the table beside it has each year. */
export function summarizeTargetSeries(series: TargetSeries): string {
  const count = (verdict: TargetVerdict) => series.points.filter((p) => p.verdict === verdict).length;
  const years = series.points.map((p) => p.year);
  const span = years.length > 1 ? `${Math.min(...years)}–${Math.max(...years)}年` : `${years[0]}年`;
  return `${span} ${series.points.length} 个目标：达成 ${count('达成')}，未达成 ${count('未达成')}，无结果 ${count('无结果')}`;
}

/**
 * The chart of one series. role="img" with <title> and <desc>, labelled through `id`; the page puts
 * every year's figures in a table beside it. The markers are one path each (targets: diamonds and
 * range bars; outcomes: round dots drawn as zero-length strokes), a few dozen bytes a year.
 */
export function renderTargetChartSvg(series: TargetSeries, { id, width = 320, height = 120 }: { id: string; width?: number; height?: number }): string {
  const points = [...series.points].sort((a, b) => a.year - b.year);
  const pad = { left: 34, right: 12, top: 8, bottom: 16 };
  const first = points[0]?.year ?? 0;
  const span = (points.at(-1)?.year ?? first) - first;
  const values = points.flatMap((p) => [p.target.value, p.target.valueMax ?? p.target.value, ...(p.outcome ? [p.outcome.value] : [])]);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const range = high - low;
  const innerWidth = width - pad.left - pad.right;
  const innerHeight = height - pad.top - pad.bottom;
  const x = (year: number) => round(pad.left + (span === 0 ? innerWidth / 2 : ((year - first) / span) * innerWidth));
  const y = (value: number) => round(pad.top + (range === 0 ? innerHeight / 2 : (1 - (value - low) / range) * innerHeight));
  const outcomes = points.filter((p) => p.outcome).map((p) => `${x(p.year)} ${y(p.outcome!.value)}`);
  const labelAll = innerWidth / Math.max(span, 1) >= 26;
  const title = `${series.label}：目标与实绩（${series.unit || '数值'}）`;
  const targets = points.map((p) => {
    const cx = x(p.year);
    const cy = y(p.target.value);
    const bar = p.target.valueMax !== undefined ? `M${cx} ${cy}V${y(p.target.valueMax)}` : '';
    return `${bar}M${cx} ${round(cy - 4)}l4 4-4 4-4-4z`;
  });
  const label = (tx: number, ty: number, anchor: string, text: string) => `<text x="${tx}" y="${ty}" text-anchor="${anchor}">${text}</text>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="target-chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-t ${id}-d" font-size="9" fill="currentColor">`,
    `<title id="${id}-t">${escapeXml(title)}</title><desc id="${id}-d">${escapeXml(summarizeTargetSeries({ ...series, points }))}</desc>`,
    // The extremes on the left, as a reader needs to place the figures.
    ...(range === 0 ? [[low, y(low)]] : [[high, y(high)], [low, y(low)]]).map(([value, ty]) => label(pad.left - 4, round(ty! + 3), 'end', show(value!))),
    `<path d="M${pad.left} ${pad.top}V${height - pad.bottom}H${width - pad.right}" fill="none" stroke="currentColor" stroke-opacity="0.3"/>`,
    outcomes.length > 1 ? `<path class="outcome-line" d="M${outcomes.join('L')}" fill="none" stroke="currentColor" stroke-width="1.5"/>` : '',
    `<path class="target" d="${targets.join('')}" fill="none" stroke="currentColor" stroke-width="1.5"/>`,
    outcomes.length > 0 ? `<path class="outcome" d="M${outcomes.join('h0M')}h0" stroke="currentColor" stroke-width="6" stroke-linecap="round"/>` : '',
    ...points.filter((_, i) => labelAll || i === 0 || i === points.length - 1).map((p) => label(x(p.year), height - 4, 'middle', String(p.year))),
    '</svg>',
  ].join('');
}
