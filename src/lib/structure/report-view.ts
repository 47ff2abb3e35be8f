import type { AnalyzedCommitment, AnalyzedMetric, AnalyzedSection, ReportAnalysis } from './analyze.ts';
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

/**
 * A report's page lists its commitments one by one up to this many; a longer plans part (a national report
 * has several hundred) is summarised per section, and the ledger lists them with their follow-ups: listing
 * them all here doubled the page.
 */
export const PANEL_COMMITMENT_LIMIT = 60;

export interface CommitmentGroup {
  /** Top-level section id ("3"), or the closing's id. */
  section: string;
  title: string;
  /** Anchor of the group's first commitment. */
  anchor: string;
  counts: Record<'target' | 'task' | 'general', number>;
}

/** Commitments counted per top-level section and kind, in the report's order. */
export function commitmentGroups(commitments: readonly Pick<AnalyzedCommitment, 'section' | 'sectionPath' | 'anchor' | 'kind'>[]): CommitmentGroup[] {
  const groups = new Map<string, CommitmentGroup>();
  for (const commitment of commitments) {
    const section = commitment.section.split('.')[0]!;
    let group = groups.get(section);
    if (!group) {
      group = { section, title: commitment.sectionPath[0] ?? section, anchor: commitment.anchor, counts: { target: 0, task: 0, general: 0 } };
      groups.set(section, group);
    }
    group.counts[commitment.kind] += 1;
  }
  return [...groups.values()];
}

export interface MetricRun<Metric> {
  /** The section the run's metrics stand in (null: before the first heading). */
  section: string | null;
  metrics: Metric[];
}

/**
 * Metrics in the report's order, cut where the section changes: the report page's table names each section
 * once, above its rows (a column repeating it took a third of the table, 6 MB over 1,000 reports).
 */
export function metricRuns<Metric extends Pick<AnalyzedMetric, 'section'>>(metrics: readonly Metric[]): MetricRun<Metric>[] {
  const runs: MetricRun<Metric>[] = [];
  for (const metric of metrics) {
    const last = runs.at(-1);
    if (last && last.section === metric.section) last.metrics.push(metric);
    else runs.push({ section: metric.section, metrics: [metric] });
  }
  return runs;
}
