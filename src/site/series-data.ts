import { render } from 'astro:content';
import { BUILD_MATCHING, resolveFollowUps, toPageFollowUp, type PageFollowUp, type SeriesReport } from '../lib/compare/follow-up.ts';
import { sortById, takePrecomputedFollowUps } from '../node/follow-up-precompute.ts';
import { buildLedger } from '../lib/compare/ledger.ts';
import { reportAnalysisOf } from '../plugins/report-analysis-store.ts';
import { buildTargetTables, type TargetTable } from '../lib/compare/target-table.ts';
import { type ReportEntry, loadArchive, maskerFor } from './archive-data.ts';

export type ArchiveReport = SeriesReport & { kind: string; title: string; entry: ReportEntry };

let loading: Promise<{ reports: ArchiveReport[]; ledger: ReturnType<typeof buildLedger>; followUps: PageFollowUp[]; followUpsByKey: Map<string, PageFollowUp>; targets: Map<string, TargetTable> }> | undefined;

/**
 * Every report as rendered (so a public build sees only public, redacted text) with its analysis and outline,
 * the follow-ups between them, the commitments ledger and each report's targets against outcomes; computed once per build.
 */
export function loadArchiveAnalysis() {
  loading ??= (async () => {
    const { entries } = await loadArchive();
    const reports: ArchiveReport[] = [];
    for (const entry of entries) {
      const { remarkPluginFrontmatter } = await render(entry);
      const { analysis, outline } = reportAnalysisOf(remarkPluginFrontmatter);
      const mask = maskerFor(entry);
      reports.push({
        id: entry.id,
        year: entry.data.year,
        unit: entry.data.unit,
        kind: entry.data.kind,
        title: mask(entry.data.title),
        entry,
        analysis,
        outline,
        followUps: entry.data.followUps.map((followUp) => ({
          ...followUp,
          ...(followUp.evidence ? { evidence: mask(followUp.evidence) } : {}),
        })),
      });
    }
    // References were checked against the whole archive before the build; here a public build simply
    // leaves out follow-ups that point at reports it does not publish.
    const byId = sortById(reports);
    const followUps = (await takePrecomputedFollowUps(byId)) ?? resolveFollowUps(byId, BUILD_MATCHING).followUps.map(toPageFollowUp);
    // Each report's data file looks up its commitments' follow-ups: one map for the build, not one a page.
    const followUpsByKey = new Map(followUps.map((followUp) => [followUp.commitmentKey, followUp]));
    return { reports, ledger: buildLedger(reports, followUps), followUps, followUpsByKey, targets: buildTargetTables(reports, followUpsByKey) };
  })();
  return loading;
}
