// A shard's part of a sharded archive: what the merge build of the archive-wide pages needs of its
// reports (src/site/archive-overview.ts), written by the shard's build as shard/archive-part.json.
import { readFileSync } from 'node:fs';
import type { LedgerStatus } from '../lib/compare/ledger.ts';
import type { MetricCandidate } from '../lib/compare/metric-series.ts';
import type { TargetTable } from '../lib/compare/target-table.ts';
import type { ReportFrontmatter } from '../lib/report-schema.ts';

/** One year's line of the ledger summary. */
export interface LedgerYear {
  year: number;
  total: number;
  counts: Record<LedgerStatus, number>;
}

/** A shard's share of the overview, with its reports' frontmatter (what the archive's index pages list). */
export interface ArchivePart {
  reports: { id: string; data: Omit<ReportFrontmatter, 'followUps' | 'sectionRoles'> }[];
  targets: [string, TargetTable][];
  metricsByUnit: [string, MetricCandidate[]][];
  ledgerYears: LedgerYear[];
}

/** Every shard's part, read once by the merge build. */
export function readArchiveParts(files: readonly string[]): ArchivePart[] {
  return files.map((file) => JSON.parse(readFileSync(file, 'utf8')) as ArchivePart);
}
