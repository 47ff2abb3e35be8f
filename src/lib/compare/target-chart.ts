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
export function collectTargetSeries(tables: readonly TargetTable[], { limit = 30 }: { limit?: number } = {}): TargetSeries[] {
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

/**
 * The chart of one series. role="img" with <title> and <desc> (every year's target, outcome and
 * verdict), labelled through `id`; the page puts the same figures in a table beside it.
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
  const outcomes = points.filter((p) => p.outcome).map((p) => ({ p, cx: x(p.year), cy: y(p.outcome!.value) }));
  const labelAll = innerWidth / Math.max(span, 1) >= 26;
  const title = `${series.label}：目标与实绩（${series.unit || '数值'}）`;
  const desc = points.map((p) => describeTargetPoint(p, series.unit)).join('；');
  const diamond = (cx: number, cy: number) => `M${cx} ${round(cy - 4)}L${round(cx + 4)} ${cy}L${cx} ${round(cy + 4)}L${round(cx - 4)} ${cy}Z`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="target-chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-t ${id}-d">`,
    `<title id="${id}-t">${escapeXml(title)}</title><desc id="${id}-d">${escapeXml(desc)}</desc>`,
    // The extremes on the left, as a reader needs to place the figures.
    ...(range === 0 ? [y(low)] : [y(high), y(low)]).map((ty, i) => `<text x="${pad.left - 4}" y="${round(ty + 3)}" font-size="9" text-anchor="end" fill="currentColor">${show(i === 0 && range !== 0 ? high : low)}</text>`),
    `<path d="M${pad.left} ${pad.top}V${height - pad.bottom}H${width - pad.right}" fill="none" stroke="currentColor" stroke-opacity="0.3"/>`,
    outcomes.length > 1 ? `<polyline class="outcome" fill="none" stroke="currentColor" stroke-width="1.5" points="${outcomes.map((o) => `${o.cx},${o.cy}`).join(' ')}"/>` : '',
    ...points.map((p) => {
      const cx = x(p.year);
      const bar = p.target.valueMax !== undefined ? `<path d="M${cx} ${y(p.target.value)}V${y(p.target.valueMax)}" stroke-width="3"/>` : '';
      return `<g class="target" fill="none" stroke="currentColor" stroke-width="1.5">${bar}<path d="${diamond(cx, y(p.target.value))}"/></g>`;
    }),
    ...outcomes.map((o) => `<circle class="outcome" cx="${o.cx}" cy="${o.cy}" r="3" fill="currentColor"/>`),
    ...points.filter((_, i) => labelAll || i === 0 || i === points.length - 1)
      .map((p) => `<text x="${x(p.year)}" y="${height - 4}" font-size="9" text-anchor="middle" fill="currentColor">${p.year}</text>`),
    '</svg>',
  ].join('');
}
