// Compares any two reports in the browser from the per-report data files the build writes,
// with the same renderer the pre-built comparison pages use.
import { loadReportData, toCompareInput } from './compare-data.ts';

const form = document.querySelector<HTMLFormElement>('[data-compare-form]');
const status = document.querySelector<HTMLElement>('[data-compare-status]');
const result = document.querySelector<HTMLElement>('[data-compare-result]');
const metricsBox = document.querySelector<HTMLElement>('[data-compare-metrics]');
const sectionsBox = document.querySelector<HTMLElement>('[data-compare-sections]');

if (form && status && result && metricsBox && sectionsBox) {
  const dataPath = form.dataset['dataPath'] ?? '/data/reports/';
  const reportPath = form.dataset['reportPath'] ?? '/reports/';
  const a = form.querySelector<HTMLSelectElement>('select[name="a"]')!;
  const b = form.querySelector<HTMLSelectElement>('select[name="b"]')!;
  const run = async () => {
    history.replaceState(null, '', `?${new URLSearchParams({ a: a.value, b: b.value })}`);
    status.textContent = '正在比较…';
    try {
      const [view, first, second] = await Promise.all([import('../lib/compare/compare-view.ts'), loadReportData(dataPath, reportPath, a.value), loadReportData(dataPath, reportPath, b.value)]);
      const [before, after] = first.year <= second.year ? [first, second] : [second, first];
      const metrics = view.renderMetricChangesHtml(toCompareInput(before), toCompareInput(after));
      metricsBox.innerHTML = metrics.html;
      sectionsBox.innerHTML = view.renderSectionDiffHtml(toCompareInput(before), toCompareInput(after));
      result.hidden = false;
      status.textContent = `${before.title}（左）与 ${after.title}（右）：${metrics.count} 项数据两篇都有。`;
    } catch (error) {
      status.textContent = `对比失败：${(error as Error).message}`;
    }
  };
  const params = new URLSearchParams(location.search);
  if (params.get('a')) a.value = params.get('a')!;
  if (params.get('b')) b.value = params.get('b')!;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  if (params.get('a') && params.get('b')) void run();
}
