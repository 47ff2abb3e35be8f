import type { AnalyzedMetric, AnalyzedSection, ReportAnalysis } from './analyze.ts';
import type { SectionRole } from './section-roles.ts';

export const roleLabels: Record<SectionRole, string> = {
  review: '履职',
  problems: '问题',
  plans: '打算',
  other: '其他',
};

/** Role of each top-level heading, keyed by its HTML id (`s-1`), for the table of contents. */
export function rolesByHeadingId(analysis: ReportAnalysis | undefined): Map<string, SectionRole> {
  const roles = new Map<string, SectionRole>();
  for (const section of analysis?.sections ?? []) roles.set(`s-${section.id.replace(/\./g, '-')}`, section.role);
  return roles;
}

const leadingQualifiers = ['约', '近', '超过', '超', '达', '达到', '逾'];

/** `80万元`, `6%-6.5%`, `100余株`, `约35户`: a metric as the report wrote it, from its parsed parts. */
export function formatMetricValue(metric: Pick<AnalyzedMetric, 'value' | 'valueMax' | 'unit' | 'qualifier'>): string {
  const value = metric.valueMax !== undefined ? `${metric.value}${metric.unit}-${metric.valueMax}` : String(metric.value);
  const qualifier = metric.qualifier ?? '';
  const before = leadingQualifiers.includes(qualifier) ? qualifier : '';
  const after = before ? '' : qualifier;
  return `${before}${value}${metric.unit}${after}`;
}

/** Title of a section by id, for labelling where a metric or commitment sits. */
export function sectionTitles(sections: readonly AnalyzedSection[]): Map<string, string> {
  const titles = new Map<string, string>();
  const walk = (list: readonly AnalyzedSection[]) => {
    for (const section of list) {
      titles.set(section.id, section.title);
      walk(section.children);
    }
  };
  walk(sections);
  return titles;
}
