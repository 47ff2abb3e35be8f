import type { AnalyzedCommitment } from '../structure/analyze.ts';
import type { ExplicitFollowUp, PageFollowUp, SeriesReport } from './follow-up.ts';
import type { TargetVerdict } from './target-outcome.ts';

/**
 * Where a commitment stands: an explicit status from a later report, a target's verdict from the next
 * report's figures, a suggestion only, or nothing yet.
 */
export type LedgerStatus = '落实' | '推进中' | '未落实' | '调整' | '目标达成' | '目标未达成' | '有建议' | '未见后续' | '尚无后续报告';

export const ledgerStatuses: readonly LedgerStatus[] = ['落实', '推进中', '未落实', '调整', '目标达成', '目标未达成', '有建议', '未见后续', '尚无后续报告'];

export interface LedgerEntry {
  key: string;
  reportId: string;
  year: number;
  unit: string;
  kind: string;
  commitment: AnalyzedCommitment;
  status: LedgerStatus;
  followUp: PageFollowUp | undefined;
}

/**
 * A commitment's status: the latest explicit follow-up decides; without one, a target's verdict, then a
 * suggestion; a commitment whose unit has no later report is still open. The build (buildLedger) and the
 * ledger pages in the browser (ledger-view.ts, from the report's data file) both decide here.
 */
export function ledgerStatusOf(
  explicit: readonly { year: number; status: ExplicitFollowUp['status'] }[],
  verdict: TargetVerdict | undefined,
  hasSuggestion: boolean,
  hasLaterReport: boolean,
): LedgerStatus {
  let latest: (typeof explicit)[number] | undefined;
  for (const entry of explicit) if (!latest || entry.year > latest.year) latest = entry;
  if (latest) return latest.status;
  if (verdict === '达成') return '目标达成';
  if (verdict === '未达成') return '目标未达成';
  if (hasSuggestion) return '有建议';
  return hasLaterReport ? '未见后续' : '尚无后续报告';
}

/**
 * Every commitment of the archive with its status (ledgerStatusOf), newest year first, by unit; within a
 * report, general commitments come last (compareLedgerCommitments).
 */
export function buildLedger(
  reports: readonly (Pick<SeriesReport, 'id' | 'year' | 'unit' | 'analysis'> & { kind: string })[],
  followUps: readonly PageFollowUp[],
): LedgerEntry[] {
  const byKey = new Map(followUps.map((followUp) => [followUp.commitmentKey, followUp]));
  const entries: LedgerEntry[] = [];
  for (const report of reports) {
    const hasLater = reports.some((other) => other.unit === report.unit && other.year > report.year);
    for (const commitment of report.analysis.commitments) {
      const key = `${report.id}#${commitment.id}`;
      const followUp = byKey.get(key);
      const hasSuggestion = followUp?.followUps.some((entry) => entry.source === 'suggested') ?? false;
      const status = ledgerStatusOf(followUp?.explicit ?? [], followUp?.target?.verdict, hasSuggestion, hasLater);
      entries.push({ key, reportId: report.id, year: report.year, unit: report.unit, kind: report.kind, commitment, status, followUp });
    }
  }
  // One collator for the whole sort: localeCompare builds one per call (a 1,000-report archive has ~300,000 entries).
  const units = new Intl.Collator('zh-CN');
  return entries.sort((a, b) => b.year - a.year || units.compare(a.unit, b.unit) || compareLedgerCommitments(a.commitment, b.commitment));
}

const commitmentIds = new Intl.Collator('en', { numeric: true });

/** A report's commitments in ledger order: targets and tasks, then general ones; each in the report's order. */
export function compareLedgerCommitments(a: { id: string; kind?: string }, b: { id: string; kind?: string }): number {
  const general = (commitment: { kind?: string }) => (commitment.kind === 'general' ? 1 : 0);
  return general(a) - general(b) || commitmentIds.compare(a.id, b.id);
}

/** Ledger entries by year, in the order given (one workbook a year). */
export function groupLedgerByYear(entries: readonly LedgerEntry[]): Map<number, LedgerEntry[]> {
  const years = new Map<number, LedgerEntry[]>();
  for (const entry of entries) {
    const list = years.get(entry.year);
    if (list) list.push(entry);
    else years.set(entry.year, [entry]);
  }
  return years;
}

/** How many commitments have each status. */
export function countStatuses(entries: readonly LedgerEntry[]): Record<LedgerStatus, number> {
  const counts = Object.fromEntries(ledgerStatuses.map((status) => [status, 0])) as Record<LedgerStatus, number>;
  for (const entry of entries) counts[entry.status] += 1;
  return counts;
}

/**
 * A year's ledger page lists every commitment up to this many; a larger year (an archive of many units)
 * lists its units with their counts, each linking to the unit's own page, so that no page grows past a
 * few hundred kilobytes (40 units' commitments of one year made a 3.6 MB page).
 */
export const LEDGER_YEAR_PAGE_LIMIT = 400;
