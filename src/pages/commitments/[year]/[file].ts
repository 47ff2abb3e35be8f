import type { APIRoute, GetStaticPaths } from 'astro';
import { ledgerWorkbookName } from '../../../lib/archive.ts';
import { writeYearLedgerWorkbook } from '../../../lib/compare/ledger-workbook.ts';
import { groupLedgerByYear, type LedgerEntry } from '../../../lib/compare/ledger.ts';
import { siteConfig } from '../../../site/archive-data.ts';
import { base } from '../../../site/base.ts';
import { loadArchiveAnalysis } from '../../../site/series-data.ts';
import { takePrecomputedWorkbook } from '../../../node/follow-up-precompute.ts';
import { publishesReports, publishesYear } from '../../../node/build-scope.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Each year's ledger as an Excel workbook (台账-2024.xlsx), from the same ledger the pages show, so a
 * public build's workbook holds only public reports, redacted. The CLI writes the same rows
 * (nianjian export ledger) and also offers CSV.
 */
export const getStaticPaths = (async () => {
  if (!publishesReports()) return [];
  const { ledger } = await loadArchiveAnalysis();
  return [...groupLedgerByYear(ledger)].filter(([year]) => publishesYear(year)).map(([year, entries]) => ({ params: { year: String(year), file: ledgerWorkbookName(year) }, props: { year, entries } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ year: number; entries: LedgerEntry[] }> = async ({ props }) => {
  // Usually written on the second core while the pages rendered (src/node/follow-up-precompute.ts).
  const precomputed = await takePrecomputedWorkbook(props.year, base, siteConfig.url);
  if (precomputed) return new Response(precomputed, { headers: { 'Content-Type': XLSX_TYPE } });
  const { reports } = await loadArchiveAnalysis();
  const titles = new Map(reports.map((report) => [report.id, report.title]));
  const bytes = await writeYearLedgerWorkbook(props.year, props.entries, { base, siteUrl: siteConfig.url, titleOf: (id) => titles.get(id) });
  return new Response(bytes, { headers: { 'Content-Type': XLSX_TYPE } });
};
