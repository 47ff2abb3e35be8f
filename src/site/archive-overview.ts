import { countStatuses, ledgerStatuses } from '../lib/compare/ledger.ts';
import { metricClause, pickReportMetrics, type MetricCandidate } from '../lib/compare/metric-series.ts';
import type { TargetTable } from '../lib/compare/target-table.ts';
import { type ArchivePart, type LedgerYear, readArchiveParts } from '../node/archive-parts.ts';
import { buildScopeFromEnv, publishesYear } from '../node/build-scope.ts';
import { loadArchiveAnalysis } from './series-data.ts';

/**
 * What the archive-wide pages need of the reports' analysis: each report's targets table, each unit's
 * metrics that may form series, the ledger's counts by year. In a sharded archive each shard writes its
 * own reports' share (an archive part) and the merge build reads them all.
 */
export interface ArchiveOverview {
  targets: Map<string, TargetTable>;
  metricsByUnit: Map<string, MetricCandidate[]>;
  ledgerYears: LedgerYear[];
}

async function computeOverview(): Promise<ArchiveOverview> {
  const { reports, ledger, targets } = await loadArchiveAnalysis();
  const published = reports.filter((report) => publishesYear(report.year));
  const publishedIds = new Set(published.map((report) => report.id));
  const metricsByUnit = new Map<string, MetricCandidate[]>();
  for (const report of published) {
    const list = metricsByUnit.get(report.unit) ?? [];
    metricsByUnit.set(report.unit, list);
    // The trends page shows a figure's clause, not its sentence: a part carries only that.
    for (const candidate of pickReportMetrics(report)) list.push({ ...candidate, metric: { ...candidate.metric, sentence: metricClause(candidate.metric.sentence, candidate.metric.label) } });
  }
  const years = [...new Set(ledger.map((entry) => entry.year))].filter((year) => publishesYear(year)).sort((a, b) => b - a);
  return {
    targets: new Map([...targets].filter(([id]) => publishedIds.has(id))),
    metricsByUnit,
    ledgerYears: years.map((year) => {
      const entries = ledger.filter((entry) => entry.year === year);
      return { year, total: entries.length, counts: countStatuses(entries) };
    }),
  };
}

function mergeParts(parts: readonly ArchivePart[]): ArchiveOverview {
  const metricsByUnit = new Map<string, MetricCandidate[]>();
  for (const part of parts) for (const [unit, list] of part.metricsByUnit) metricsByUnit.set(unit, [...(metricsByUnit.get(unit) ?? []), ...list]);
  return {
    targets: new Map(parts.flatMap((part) => part.targets)),
    metricsByUnit,
    ledgerYears: parts.flatMap((part) => part.ledgerYears).sort((a, b) => b.year - a.year),
  };
}

let loading: Promise<ArchiveOverview> | undefined;

/** The overview of the reports this build publishes, or, in a merge build, of the whole archive from its parts. */
export function loadArchiveOverview(): Promise<ArchiveOverview> {
  const scope = buildScopeFromEnv();
  loading ??= scope.mode === 'merge' ? Promise.resolve(mergeParts(readArchiveParts(scope.parts))) : computeOverview();
  return loading;
}

/** The ledger's counts over all years. */
export function sumLedgerYears(years: readonly LedgerYear[]): LedgerYear['counts'] & { total: number } {
  const sum = { total: 0, ...Object.fromEntries(ledgerStatuses.map((status) => [status, 0])) } as LedgerYear['counts'] & { total: number };
  for (const year of years) {
    sum.total += year.total;
    for (const status of ledgerStatuses) sum[status] += year.counts[status];
  }
  return sum;
}
