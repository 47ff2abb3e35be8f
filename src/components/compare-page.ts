// A pre-built comparison page carries the metric table; the sections are aligned and their wording
// compared here from the two reports' data files, so the build spends no time on them.
import { loadReportData, toCompareInput } from './compare-data.ts';

const box = document.querySelector<HTMLElement>('[data-compare-diff]');
const status = document.querySelector<HTMLElement>('[data-compare-diff-status]');

if (box && status) {
  const { dataPath = '/data/reports/', reportPath = '/reports/', before = '', after = '' } = box.dataset;
  status.textContent = '正在逐节对比…';
  Promise.all([import('../lib/compare/compare-view.ts'), loadReportData(dataPath, reportPath, before), loadReportData(dataPath, reportPath, after)])
    .then(([view, a, b]) => {
      box.innerHTML = view.renderSectionDiffHtml(toCompareInput(a), toCompareInput(b));
      status.textContent = '';
    })
    .catch((error: Error) => {
      status.textContent = `逐节对比失败：${error.message}`;
    });
}
