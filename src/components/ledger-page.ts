// A ledger page's list, built in the browser from the data files of the reports the page names
// (data/reports/<id>.json, src/lib/compare/ledger-view.ts); then its filters and its suggestions.
import { routes } from '../lib/archive.ts';
import { type LedgerReportData, ledgerReportOfData, renderLedgerHtml } from '../lib/compare/ledger-view.ts';
import { fetchReportDataFile } from '../lib/compare/report-data.ts';
import { initLedgerFilters } from './ledger-filter.ts';
import { initLedgerSuggestions } from './ledger-suggestions.ts';

const loaded = new Map<string, Promise<LedgerReportData>>();

/** A report's data file, read once per page. */
function loadReport(base: string, reportId: string): Promise<LedgerReportData> {
  let data = loaded.get(reportId);
  if (!data) {
    data = fetchReportDataFile<LedgerReportData>(`${base}data/reports/`, reportId);
    loaded.set(reportId, data);
  }
  return data;
}

async function showLedger(root: HTMLElement): Promise<void> {
  const base = root.dataset['base'] ?? '/';
  const ids = JSON.parse(root.dataset['reports'] ?? '[]') as string[];
  try {
    const reports = await Promise.all(ids.map((id) => loadReport(base, id)));
    const link = (id: string, anchor?: string | null) => `${routes.report(base, id)}${anchor ? `#${anchor}` : ''}`;
    root.innerHTML = renderLedgerHtml(reports.map(ledgerReportOfData), { report: link, targets: (id) => routes.reportTargets(base, id) });
    initLedgerFilters(document);
    initLedgerSuggestions(root, (id) => loadReport(base, id), link);
    // Tests and readers' scripts wait for this.
    root.dataset['ready'] = '';
  } catch (error) {
    const note = root.querySelector<HTMLElement>('[data-ledger-loading]');
    if (note) note.textContent = `承诺列表读取失败：${(error as Error).message}`;
  }
}

const root = document.querySelector<HTMLElement>('[data-ledger]');
if (root) void showLedger(root);
