import type { APIRoute, GetStaticPaths } from 'astro';
import { render } from 'astro:content';
import type { ReportAnalysis } from '../../../lib/structure/analyze.ts';
import { type ReportEntry, loadArchive, toSummary } from '../../../site/archive-data.ts';
import { loadArchiveAnalysis } from '../../../site/series-data.ts';

export const getStaticPaths = (async () => {
  const { entries } = await loadArchive();
  return entries.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}) satisfies GetStaticPaths;

/**
 * The same analysis `nianjian analyze` prints, with the report's metadata, for later features and other tools;
 * each commitment also carries its follow-ups (explicit first, then suggestions, best first) and, for a
 * target, its outcome in the next report and the verdict.
 */
export const GET: APIRoute<{ entry: ReportEntry }> = async ({ props }) => {
  const { remarkPluginFrontmatter } = await render(props.entry);
  const { followUpsByKey: byKey } = await loadArchiveAnalysis();
  const report = toSummary(props.entry);
  const analysis = remarkPluginFrontmatter['analysis'] as ReportAnalysis;
  const commitments = analysis.commitments.map((c) => {
    const resolved = byKey.get(`${props.entry.id}#${c.id}`);
    return { ...c, followUps: resolved?.followUps ?? [], ...(resolved?.target ? { target: resolved.target } : {}) };
  });
  // Metrics without their sentences, and no paragraphs: the report's page carries them, and the browser
  // reads them from there to compare two reports (src/lib/compare/page-outline.ts); writing them here too
  // doubled the archive's size. `nianjian analyze` prints everything.
  const metrics = analysis.metrics.map(({ sentence: _sentence, ...metric }) => metric);
  const body = { ...report, ...analysis, commitments, metrics, title: report.title, year: report.year };
  return new Response(JSON.stringify(body), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
