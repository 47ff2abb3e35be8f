import type { AnalyzedMetric } from '../structure/analyze.ts';
import { alignSections, compareMetrics, type DiffRun, type MetricChange, type ReportWithBodies, type SectionPair } from './compare.ts';
import { diffParagraphs } from './paragraph-diff.ts';
import { flattenOutline } from '../structure/outline.ts';
import { formatMetricValue } from '../structure/report-view.ts';

/** The HTML of a comparison: the metrics at build time (pre-rendered pages), the sections in the browser (any two reports). */

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function side(runs: DiffRun[], keep: 'delete' | 'insert'): string {
  const tag = keep === 'delete' ? 'del' : 'ins';
  return runs
    .filter((run) => run.type === 'equal' || run.type === keep)
    .map((run) => (run.type === 'equal' ? escapeHtml(run.text) : `<${tag}>${escapeHtml(run.text)}</${tag}>`))
    .join('');
}

const onlyParagraphs = (paragraphs: readonly string[], tag: 'del' | 'ins') =>
  paragraphs.map((text) => `<p class="diff-only"><${tag}>${escapeHtml(text)}</${tag}></p>`).join('');

/** Both columns of a paired section: paragraphs side by side, a paragraph with no partner across from an empty cell. */
function pairedBodies(oldParagraphs: readonly string[], newParagraphs: readonly string[]): [string, string] {
  let oldHtml = '';
  let newHtml = '';
  for (const pair of diffParagraphs(oldParagraphs, newParagraphs)) {
    if (pair.status === 'paired') {
      oldHtml += `<p>${side(pair.runs, 'delete')}</p>`;
      newHtml += `<p>${side(pair.runs, 'insert')}</p>`;
    } else if (pair.status === 'removed') oldHtml += onlyParagraphs([pair.text], 'del');
    else newHtml += onlyParagraphs([pair.text], 'ins');
  }
  return [oldHtml, newHtml];
}

function renderPairs(pairs: readonly SectionPair[], bodies: [Map<string, string[]>, Map<string, string[]>], depth: number): string {
  const h = `h${Math.min(depth, 4)}`;
  return pairs
    .map((pair) => {
      const oldParagraphs = pair.before ? bodies[0].get(pair.before.id) ?? [] : [];
      const newParagraphs = pair.after ? bodies[1].get(pair.after.id) ?? [] : [];
      const [oldBody, newBody] =
        pair.status === 'paired' ? pairedBodies(oldParagraphs, newParagraphs)
        : pair.status === 'removed' ? [onlyParagraphs(oldParagraphs, 'del'), '']
        : ['', onlyParagraphs(newParagraphs, 'ins')];
      const note = pair.status === 'paired' ? '' : `<p class="meta-line">${pair.status === 'added' ? '新增章节' : '删去的章节'}</p>`;
      return (
        `<section class="diff-pair diff-${pair.status}"><div class="diff-columns">` +
        `<div class="diff-old"><${h}>${escapeHtml(pair.before?.title ?? '（无对应章节）')}</${h}>${oldBody}</div>` +
        `<div class="diff-new"><${h}>${escapeHtml(pair.after?.title ?? '（无对应章节）')}</${h}>${newBody}</div>` +
        `</div>${note}${renderPairs(pair.children, bodies, depth + 1)}</section>`
      );
    })
    .join('');
}

const bodiesOf = (report: ReportWithBodies) => new Map(flattenOutline(report.outline).map((section) => [section.id, section.body]));

/** Sections aligned by role and heading, each pair with a word-level diff; added and removed sections marked. */
export function renderSectionDiffHtml(before: ReportWithBodies, after: ReportWithBodies, depth = 3): string {
  return renderPairs(alignSections(before, after), [bodiesOf(before), bodiesOf(after)], depth);
}

const formatChange = (item: MetricChange) =>
  `${item.change > 0 ? '+' : ''}${Number(item.change.toFixed(2))}${item.changePercent === null ? '' : `（${item.changePercent > 0 ? '+' : ''}${item.changePercent.toFixed(1)}%）`}${item.unit}`;

const cell = (metric: AnalyzedMetric) => `<td>${escapeHtml(formatMetricValue(metric))}</td>`;

/** The metrics both reports give, with the change; `count` is how many rows there are. */
export function renderMetricChangesHtml(before: ReportWithBodies & { year: number }, after: ReportWithBodies & { year: number }): { html: string; count: number } {
  const changes = compareMetrics(before.analysis, after.analysis);
  const rows = changes.map((item) => `<tr><td>${escapeHtml(item.label)}</td>${cell(item.before)}${cell(item.after)}<td>${escapeHtml(formatChange(item))}</td></tr>`).join('');
  const html =
    `<table class="metric-table"><thead><tr><th scope="col">指标</th><th scope="col">${before.year}年</th><th scope="col">${after.year}年</th><th scope="col">变化</th></tr></thead>` +
    `<tbody>${rows}</tbody></table>`;
  return { html, count: changes.length };
}
