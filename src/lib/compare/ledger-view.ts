// What a ledger page shows of each report's commitments, and its markup. The browser builds the list from
// the report's data file (data/reports/<id>.json.gz), which the build writes anyway: a 1,000-report archive has
// ~500,000 commitments, and writing them into the ledger pages as well made 160 MB of HTML. The page itself
// states which reports it lists (LedgerList.astro).

import { compareLedgerCommitments, ledgerStatusOf, type LedgerStatus, ledgerStatuses } from './ledger.ts';
import { type DataEvidence, type DataFollowUp, type ReportDataFile, commitmentAnchorOf, followUpsOf, sectionPathOf } from './report-data.ts';

/** What the ledger reads of a report's data file. */
export type LedgerReportData = Pick<
  ReportDataFile<{ id: string; year: number; unit: string; kind: string }>,
  'id' | 'year' | 'unit' | 'kind' | 'sections' | 'commitments' | 'evidence'
> & {
  /** Whether the unit has a later report (else an unanswered commitment is 尚无后续报告, not 未见后续). */
  hasLaterReport: boolean;
};

export interface LedgerItem {
  id: string;
  anchor: string;
  text: string;
  kind: 'target' | 'task' | 'general';
  status: LedgerStatus;
  /** What later reports say of it in their frontmatter, latest first. */
  explicit: { report: string; year: number; anchor: string | null; status: string; text: string }[];
  /** How many automatic suggestions the data file holds (their sentences are read when the reader opens them). */
  suggested: number;
}

export interface LedgerSectionGroup {
  /** The section's path ("三、… › （二）…"): stated once for the commitments under it. */
  title: string;
  items: LedgerItem[];
}

export interface LedgerReportGroup {
  reportId: string;
  year: number;
  unit: string;
  kind: string;
  /** Targets and tasks, by section. */
  sections: LedgerSectionGroup[];
  /** General commitments (intent, nothing to check), by section: shown apart, after the others. */
  general: LedgerSectionGroup[];
  /** Whether any commitment is a target with figures (the report then has a 目标完成情况 page). */
  hasTargets: boolean;
}

/** One report's commitments as its ledger lists them: status decided, in ledger order, grouped by section. */
export function ledgerReportOfData(data: LedgerReportData): LedgerReportGroup {
  const group: LedgerReportGroup = { reportId: data.id, year: data.year, unit: data.unit, kind: data.kind, sections: [], general: [], hasTargets: false };
  const titles = new Map<string, string>();
  const titleOf = (section: string) => {
    let title = titles.get(section);
    if (title === undefined) titles.set(section, (title = sectionPathOf(data.sections, section).join(' › ')));
    return title;
  };
  for (const commitment of [...data.commitments].sort(compareLedgerCommitments)) {
    const followUps = followUpsOf(data, commitment);
    const explicit = followUps.flatMap(({ source, report, year, anchor, status, text }) => (source === 'explicit' && status ? [{ report, year, anchor, status, text }] : []));
    const suggested = followUps.filter((entry) => entry.source === 'suggested').length;
    const item: LedgerItem = {
      id: commitment.id,
      anchor: commitmentAnchorOf(commitment),
      text: commitment.text,
      kind: commitment.kind,
      status: ledgerStatusOf(explicit, commitment.target?.verdict, suggested > 0, data.hasLaterReport),
      explicit,
      suggested,
    };
    if ((commitment.targets?.length ?? 0) > 0) group.hasTargets = true;
    const list = commitment.kind === 'general' ? group.general : group.sections;
    const title = titleOf(commitment.section);
    // A new group whenever the section changes: commitments come in the report's order.
    const last = list.at(-1);
    if (last && last.title === title) last.items.push(item);
    else list.push({ title, items: [item] });
  }
  return group;
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (ch) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[ch]};`);

export interface LedgerLinks {
  /** A report's page, or a passage of it when `anchor` is given. */
  report: (reportId: string, anchor?: string | null) => string;
  /** A report's 目标完成情况 page. */
  targets: (reportId: string) => string;
}

// Tasks are most commitments: only the other kinds are labelled.
const kindLabels = { target: '目标', task: '', general: '一般性表述' } as const;

function renderItem(item: LedgerItem, reportId: string, links: LedgerLinks): string {
  const kind = kindLabels[item.kind] ? `<span>${kindLabels[item.kind]}</span>` : '';
  let story = '';
  if (item.explicit.length > 0 || item.suggested > 0) {
    const said = item.explicit
      .map((entry) => `<li>${entry.year}年报告回应（${escapeHtml(entry.status)}）：${escapeHtml(entry.text || '（未附说明）')} <a href="${escapeHtml(links.report(entry.report, entry.anchor))}">查看原文</a></li>`)
      .join('');
    const count = item.suggested > 0 ? `（${item.suggested} 条自动建议）` : '';
    story = `<details class="commitment-story"${item.suggested > 0 ? ` data-suggested="${item.suggested}"` : ''}><summary>后续情况${count}</summary><ol>${said}</ol></details>`;
  }
  return `<li data-ledger-item data-status="${item.status}" data-c="${escapeHtml(item.id)}"><a href="${escapeHtml(links.report(reportId, item.anchor))}">${escapeHtml(item.text)}</a>`
    + `<span class="meta-line"><span class="status status-${ledgerStatuses.indexOf(item.status)}">${item.status}</span>${kind}</span>${story}</li>`;
}

function renderSections(sections: readonly LedgerSectionGroup[], reportId: string, links: LedgerLinks): string {
  return sections
    .map((section) => `<div data-ledger-group><h4>${escapeHtml(section.title)}</h4><ol class="ledger-list">${section.items.map((item) => renderItem(item, reportId, links)).join('')}</ol></div>`)
    .join('');
}

/**
 * The ledger of the reports given, in that order: a section per unit (its reports' commitments by section,
 * targets and tasks first, general commitments apart in a closed group after them), with the data
 * attributes the page's filters read.
 */
export function renderLedgerHtml(reports: readonly LedgerReportGroup[], links: LedgerLinks): string {
  const units: { unit: string; reports: LedgerReportGroup[] }[] = [];
  for (const report of reports) {
    const last = units.at(-1);
    if (last?.unit === report.unit) last.reports.push(report);
    else units.push({ unit: report.unit, reports: [report] });
  }
  return units
    .map((unit, g) => {
      const body = unit.reports
        .map((report) => {
          const targets = report.hasTargets ? `<p class="meta-line"><a href="${escapeHtml(links.targets(report.reportId))}">目标完成情况</a></p>` : '';
          const checkable = report.sections.length > 0 ? `<div data-ledger-kind-group="checkable">${renderSections(report.sections, report.reportId, links)}</div>` : '';
          const generalCount = report.general.reduce((n, section) => n + section.items.length, 0);
          const general = report.general.length > 0
            ? `<details class="ledger-general" data-ledger-kind-group="general"><summary>一般性表述（${generalCount} 条：总体要求、意向等，无可核查内容）</summary>${renderSections(report.general, report.reportId, links)}</details>`
            : '';
          return `<section data-ledger-group data-kind="${escapeHtml(report.kind)}" data-report="${escapeHtml(report.reportId)}"><h3><a href="${escapeHtml(links.report(report.reportId))}">${report.year}年${escapeHtml(report.kind)}</a></h3>${targets}${checkable}${general}</section>`;
        })
        .join('');
      return `<section aria-labelledby="unit-${g}" data-ledger-group data-unit="${escapeHtml(unit.unit)}"><h2 id="unit-${g}">${escapeHtml(unit.unit)}</h2>${body}</section>`;
    })
    .join('');
}

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
