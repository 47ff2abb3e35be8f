// Adds a commitment's automatic suggestions when the reader opens its 后续情况, from the report's data file
// (data/reports/<id>.json), read once per report.
import { renderSuggestionsHtml } from '../lib/compare/ledger-view.ts';
import { encodeReportId as encodeId, type DataCommitment, type DataEvidence } from '../lib/compare/report-data.ts';

type ReportData = { commitments: DataCommitment[]; evidence: DataEvidence[] };
const loaded = new Map<string, Promise<ReportData>>();

function loadReport(dataPath: string, reportId: string): Promise<ReportData> {
  let data = loaded.get(reportId);
  if (!data) {
    data = fetch(`${dataPath}${encodeId(reportId)}.json`).then((response) => {
      if (!response.ok) throw new Error(`读取报告数据失败（${response.status}）：${reportId}`);
      return response.json() as Promise<ReportData>;
    });
    loaded.set(reportId, data);
  }
  return data;
}

async function showSuggestions(details: HTMLDetailsElement): Promise<void> {
  const list = details.querySelector<HTMLElement>('ol');
  const item = details.closest<HTMLElement>('[data-ledger-item]');
  const report = details.closest<HTMLElement>('[data-report]');
  if (!list || !item || !report) return;
  const { dataPath = '/data/reports/', reportPath = '/reports/', report: reportId = '' } = report.dataset;
  const note = document.createElement('li');
  note.className = 'suggested';
  note.textContent = '正在读取自动建议…';
  list.append(note);
  try {
    const data = await loadReport(dataPath, reportId);
    const commitment = data.commitments.find((c) => c.id === item.dataset['c']);
    const html = commitment ? renderSuggestionsHtml(data.evidence, commitment.followUps, (id, anchor) => `${reportPath}${encodeId(id)}/${anchor ? `#${anchor}` : ''}`) : '';
    note.insertAdjacentHTML('beforebegin', html);
    note.remove();
  } catch (error) {
    note.textContent = `自动建议读取失败：${(error as Error).message}`;
  }
}

for (const details of document.querySelectorAll<HTMLDetailsElement>('details[data-suggested]')) {
  details.addEventListener('toggle', () => {
    if (details.open) void showSuggestions(details);
  }, { once: true });
}
