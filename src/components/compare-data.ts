// The per-report data files the build writes (data/reports/<id>.json), as the compare scripts read them.
import type { ReportAnalysis } from '../lib/structure/analyze.ts';
import type { Outline } from '../lib/structure/outline.ts';

export type ReportData = ReportAnalysis & { id: string; year: number; title: string; outline: Outline };

export async function loadReportData(dataPath: string, id: string): Promise<ReportData> {
  const response = await fetch(`${dataPath}${id.split('/').map(encodeURIComponent).join('/')}.json`);
  if (!response.ok) throw new Error(`读取报告数据失败（${response.status}）：${id}`);
  return (await response.json()) as ReportData;
}

/** The shape the compare renderer takes. */
export const toCompareInput = (report: ReportData) => ({ analysis: report, outline: report.outline, year: report.year });
