// Where the MDX build leaves each report's analysis and outline for the pages of the same build.
//
// Frontmatter would be the obvious channel, but whatever a remark plugin puts there is compiled into the
// report's JavaScript module as an object literal: the outline holds every paragraph, so each module carried
// the report's text a second time, and at 1,000 reports parsing, walking and printing those literals took
// about a quarter of the build. The frontmatter now carries only a key into this process-wide map; the MDX
// compiler (Astro's Vite build, or its dev server) and the pages run in the same process.
import type { ReportAnalysis } from '../lib/structure/analyze.ts';
import type { Outline } from '../lib/structure/outline.ts';

export interface StoredReportAnalysis {
  analysis: ReportAnalysis;
  outline: Outline;
}

/** The frontmatter field that holds the key. */
export const ANALYSIS_KEY_FIELD = 'nianjianAnalysisKey';

const STORE = Symbol.for('nianjian.reportAnalyses');

function store(): Map<string, StoredReportAnalysis> {
  const global = globalThis as { [STORE]?: Map<string, StoredReportAnalysis> };
  return (global[STORE] ??= new Map());
}

let anonymous = 0;

/** Keeps a report's analysis; returns the key to put in its frontmatter. */
export function keepReportAnalysis(path: string | undefined, value: StoredReportAnalysis): string {
  const key = path ?? `anonymous-${++anonymous}`;
  store().set(key, value);
  return key;
}

/** The analysis of a rendered report, from the key in its `remarkPluginFrontmatter`. */
export function reportAnalysisOf(frontmatter: Record<string, unknown>): StoredReportAnalysis {
  const key = frontmatter[ANALYSIS_KEY_FIELD];
  const stored = typeof key === 'string' ? store().get(key) : undefined;
  if (!stored) throw new Error(`报告分析结果缺失（${typeof key === 'string' ? key : '无键'}）：报告结构插件（satteri-report-structure）未在本进程中处理该报告`);
  return stored;
}
