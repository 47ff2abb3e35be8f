// The commitments ledger as an office keeps its 台账: one row per commitment with its unit, report,
// kind, status, the evidence of its follow-up and, for targets, the figures and the verdict. The
// workbook and CSV writers (ledger-workbook.ts), the command line and the site's downloads all
// take their rows from here.

import { routes } from '../archive.ts';
import type { CommitmentKind } from '../structure/commitments.ts';
import type { FollowUpEntry } from './follow-up.ts';
import type { TargetCheck } from './target-outcome.ts';
import type { LedgerEntry } from './ledger.ts';

export const kindLabels: Record<CommitmentKind, string> = { target: '目标', task: '任务', general: '一般性表述' };

/** Column keys in sheet order. */
export const ledgerColumns = [
  'unit', 'year', 'report', 'commitment', 'section', 'kind', 'status', 'evidence',
  'indicator', 'target', 'outcome', 'verdict', 'commitmentLink', 'followUpLink',
] as const;

export type LedgerColumn = (typeof ledgerColumns)[number];

/** The header of each column, as the sheet and the CSV show it. */
export const ledgerHeaders: Record<LedgerColumn, string> = {
  unit: '单位', year: '年度', report: '报告', commitment: '承诺', section: '所在章节', kind: '类型', status: '状态',
  evidence: '依据/后续情况', indicator: '指标', target: '目标', outcome: '实际', verdict: '判定',
  commitmentLink: '承诺链接', followUpLink: '后续链接',
};

export type LedgerRow = Record<Exclude<LedgerColumn, 'year'>, string> & { year: number };

export interface LedgerRowOptions {
  /** The site's base path, `/` or `/archive/`. */
  base: string;
  /** The site's address (`https://archive.example.cn`); links are absolute when given, site paths otherwise. */
  siteUrl?: string | undefined;
  /** A report's title by id (masked in a public build); the id when missing. */
  titleOf?: (reportId: string) => string | undefined;
}

/** A link to a place in a report: an absolute URL when the site's address is known, else the path on the site. */
export function reportLink(reportId: string, anchor: string | null, { base, siteUrl }: Pick<LedgerRowOptions, 'base' | 'siteUrl'>): string {
  const pathname = `${routes.report(base, reportId)}${anchor ? `#${anchor}` : ''}`;
  return siteUrl ? new URL(encodeURI(pathname), siteUrl).href : pathname;
}

const LEADING_QUALIFIER = /^(不|达|超过|突破|力争|控制在|约|近|高于|低于)/;

/** "5%左右", "3000–3500万元", "不少于20次" as a cell shows a figure. */
function formatFigure(figure: { value: number; valueMax?: number | undefined; unit: string; qualifier?: string | undefined }): string {
  const range = `${figure.valueMax !== undefined ? `${figure.value}–${figure.valueMax}` : figure.value}${figure.unit}`;
  const qualifier = figure.qualifier ?? '';
  // "不少于20次" and "控制在5.5%以内" read the way the reports write them.
  return LEADING_QUALIFIER.test(qualifier) ? `${qualifier}${range}` : `${range}${qualifier}`;
}

/** What the evidence column says: the author's own answer, else the best suggestion marked as automatic. */
function describeEvidence(first: FollowUpEntry | undefined): string {
  if (!first) return '';
  if (first.source === 'explicit') return `${first.year}年报告回应（${first.status}）：${first.text || '（未附说明）'}`;
  return `自动建议（相似度 ${first.score.toFixed(2)}）· ${first.year}年：${first.text}${first.verdict ? `（目标${first.verdict}）` : ''}`;
}

type Check = Pick<TargetCheck, 'indicator' | 'target' | 'outcome'>;
const join = (checks: readonly Check[], cell: (check: Check) => string) => checks.map(cell).join('；');

/** One row per commitment, in the ledger's order (newest year first, then unit, then place in the report). */
export function buildLedgerRows(entries: readonly LedgerEntry[], options: LedgerRowOptions): LedgerRow[] {
  return entries.map((entry) => {
    const { commitment, followUp } = entry;
    const first = followUp?.followUps[0];
    // A target without a later report still shows its figures; the outcome then stays empty.
    const checks: Check[] = followUp?.target?.checks
      ?? (commitment.targets ?? []).map((target) => ({ indicator: target.label, target }));
    const found = followUp?.target !== undefined;
    return {
      unit: entry.unit,
      year: entry.year,
      report: options.titleOf?.(entry.reportId) ?? entry.reportId,
      commitment: commitment.text,
      section: commitment.sectionPath.join(' › '),
      kind: kindLabels[commitment.kind ?? 'task'],
      status: entry.status,
      evidence: describeEvidence(first),
      indicator: join(checks, (check) => check.indicator),
      target: join(checks, (check) => formatFigure(check.target)),
      outcome: found ? join(checks, (check) => (check.outcome ? formatFigure(check.outcome) : '未找到')) : '',
      verdict: followUp?.target?.verdict ?? '',
      commitmentLink: reportLink(entry.reportId, commitment.anchor, options),
      followUpLink: first ? reportLink(first.report, first.anchor, options) : '',
    };
  });
}

/** Rows grouped by year, newest first: one sheet each. */
export function groupRowsByYear(rows: readonly LedgerRow[]): { year: number; rows: LedgerRow[] }[] {
  const groups = new Map<number, LedgerRow[]>();
  for (const row of rows) {
    const group = groups.get(row.year);
    if (group) group.push(row);
    else groups.set(row.year, [row]);
  }
  return [...groups].sort(([a], [b]) => b - a).map(([year, list]) => ({ year, rows: list }));
}

export class LedgerSelectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LedgerSelectionError';
  }
}

/** The entries of one year and/or unit; an unknown year or unit is an error naming what exists. */
export function selectLedgerEntries(entries: readonly LedgerEntry[], { year, unit }: { year?: number | undefined; unit?: string | undefined }): LedgerEntry[] {
  if (year !== undefined && !entries.some((entry) => entry.year === year)) {
    const years = [...new Set(entries.map((entry) => entry.year))].sort((a, b) => b - a);
    throw new LedgerSelectionError(`台账中没有 ${year} 年的承诺；有承诺的年份：${years.join('、') || '（无）'}`);
  }
  if (unit !== undefined && !entries.some((entry) => entry.unit === unit)) {
    const units = [...new Set(entries.map((entry) => entry.unit))];
    throw new LedgerSelectionError(`台账中没有单位“${unit}”；有承诺的单位：${units.join('、') || '（无）'}`);
  }
  const selected = entries.filter((entry) => (year === undefined || entry.year === year) && (unit === undefined || entry.unit === unit));
  if (selected.length === 0) throw new LedgerSelectionError(`${unit}在 ${year} 年没有承诺`);
  return selected;
}
