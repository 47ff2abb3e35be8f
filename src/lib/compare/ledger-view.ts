// How a ledger page lays out its commitments, and the markup of the automatic suggestions the browser adds
// from the report's data file when a reader opens them. A 1,000-report archive has ~460,000 commitments:
// a unit's page states its unit, report and section once instead of on every commitment, and the quoted
// suggestions (three a commitment, most of them for every commitment) come from the data file that the
// build writes anyway, which made the ledger several hundred megabytes when written into every page.

import type { LedgerEntry } from './ledger.ts';
import type { DataEvidence, DataFollowUp } from './report-data.ts';

export interface LedgerSectionGroup {
  /** The section's path ("三、… › （二）…"): stated once for the commitments under it. */
  title: string;
  entries: LedgerEntry[];
}

export interface LedgerReportGroup {
  reportId: string;
  year: number;
  kind: string;
  /** Targets and tasks, by section. */
  sections: LedgerSectionGroup[];
  /** General commitments (intent, nothing to check), by section: shown apart, after the others. */
  general: LedgerSectionGroup[];
  /** Whether any commitment is a target with figures (the report then has a 目标完成情况 page). */
  hasTargets: boolean;
}

export interface LedgerUnitGroup {
  unit: string;
  reports: LedgerReportGroup[];
}

/** Entries grouped by unit, report, checkable or general, and section (consecutive entries of one section), in the order given. */
export function groupLedger(entries: readonly LedgerEntry[]): LedgerUnitGroup[] {
  const units = new Map<string, LedgerUnitGroup>();
  const reports = new Map<string, LedgerReportGroup>();
  const sections = new Map<string, LedgerSectionGroup>();
  for (const entry of entries) {
    let unit = units.get(entry.unit);
    if (!unit) units.set(entry.unit, (unit = { unit: entry.unit, reports: [] }));
    let report = reports.get(entry.reportId);
    if (!report) {
      report = { reportId: entry.reportId, year: entry.year, kind: entry.kind, sections: [], general: [], hasTargets: false };
      reports.set(entry.reportId, report);
      unit.reports.push(report);
    }
    if ((entry.commitment.targets?.length ?? 0) > 0) report.hasTargets = true;
    const general = entry.commitment.kind === 'general';
    const title = entry.commitment.sectionPath.join(' › ');
    const list = general ? report.general : report.sections;
    const key = `${entry.reportId}\u0000${general}`;
    let section = sections.get(key);
    // A new group whenever the section changes: entries come in the report's order.
    if (!section || section.title !== title) {
      section = { title, entries: [] };
      sections.set(key, section);
      list.push(section);
    }
    section.entries.push(entry);
  }
  return [...units.values()];
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (ch) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[ch]};`);

/**
 * The automatic suggestions of one commitment, best first, as list items: marked 自动建议 with their score,
 * the whole sentence quoted, a target's verdict, and a link to the passage.
 */
export function renderSuggestionsHtml(
  evidence: readonly DataEvidence[],
  followUps: readonly DataFollowUp[],
  linkOf: (report: string, anchor: string | null) => string,
  limit = 3,
): string {
  return followUps
    .filter((followUp) => followUp.source === 'suggested')
    .slice(0, limit)
    .map((followUp) => {
      const passage = evidence[followUp.evidence]!;
      const verdict = followUp.verdict ? `（目标${followUp.verdict}）` : '';
      return `<li class="suggested">自动建议（相似度 ${followUp.score.toFixed(2)}）· ${passage.year}年：${escapeHtml(passage.text)}${verdict} <a href="${escapeHtml(linkOf(passage.report, passage.anchor))}">查看原文</a></li>`;
    })
    .join('');
}
