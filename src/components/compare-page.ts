// A pre-built comparison page carries the metric table and the aligned headings; the wording diff is
// computed here from the two reports' data files, so the build does not spend a second a page on it.
import { loadReportData, toCompareInput } from './compare-data.ts';

const box = document.querySelector<HTMLElement>('[data-compare-diff]');
const status = document.querySelector<HTMLElement>('[data-compare-diff-status]');

if (box && status) {
  const { dataPath = '/data/reports/', reportPath = '/reports/', before = '', after = '' } = box.dataset;
  status.textContent = '正在逐词对比…';
  Promise.all([import('../lib/compare/compare-view.ts'), loadReportData(dataPath, reportPath, before), loadReportData(dataPath, reportPath, after)])
    .then(([view, a, b]) => {
      box.innerHTML = view.renderSectionDiffHtml(toCompareInput(a), toCompareInput(b));
      status.textContent = '';
    })
    .catch((error: Error) => {
      status.textContent = `逐词对比失败：${error.message}`;
    });
}
