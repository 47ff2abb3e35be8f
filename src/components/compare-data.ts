// A report as the compare scripts read it: its analysis from the data file the build writes
// (data/reports/<id>.json.gz) and its paragraphs from its published page (src/lib/compare/page-outline.ts).
import { encodeReportId as encodeId, fetchReportDataFile } from '../lib/compare/report-data.ts';
import { outlineFromPage, type PageBlock } from '../lib/compare/page-outline.ts';
import type { ReportAnalysis } from '../lib/structure/analyze.ts';
import type { Outline } from '../lib/structure/outline.ts';

export type ReportData = ReportAnalysis & { id: string; year: number; title: string; outline: Outline };

async function fetchOk(url: string, id: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`读取报告失败（${response.status}）：${id}`);
  return response;
}

/** The headings and paragraphs of a report page's body, in order. */
function readPageBlocks(html: string): PageBlock[] {
  const page = new DOMParser().parseFromString(html, 'text/html');
  return [...page.querySelectorAll<HTMLElement>('.report-body :is(h2, h3, h4, h5, h6)[id], .report-body p')].map((element) =>
    element.tagName === 'P' ? { kind: 'paragraph', text: element.textContent ?? '' } : { kind: 'heading', id: element.id, title: element.textContent ?? '' },
  );
}

export async function loadReportData(dataPath: string, reportPath: string, id: string): Promise<ReportData> {
  const [data, html] = await Promise.all([
    fetchReportDataFile<ReportAnalysis & { id: string; year: number; title: string }>(dataPath, id),
    fetchOk(`${reportPath}${encodeId(id)}/`, id).then((response) => response.text()),
  ]);
  return { ...data, outline: outlineFromPage(readPageBlocks(html)) };
}

/** The shape the compare renderer takes. */
export const toCompareInput = (report: ReportData) => ({ analysis: report, outline: report.outline, year: report.year });
