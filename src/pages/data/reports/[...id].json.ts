import type { APIRoute, GetStaticPaths } from 'astro';
import { render } from 'astro:content';
import type { ReportAnalysis } from '../../../lib/structure/analyze.ts';
import { type ReportEntry, loadArchive, toSummary } from '../../../site/archive-data.ts';

export const getStaticPaths = (async () => {
  const { entries } = await loadArchive();
  return entries.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}) satisfies GetStaticPaths;

/** The same analysis `nianjian analyze` prints, with the report's metadata, for later features and other tools. */
export const GET: APIRoute<{ entry: ReportEntry }> = async ({ props }) => {
  const { remarkPluginFrontmatter } = await render(props.entry);
  const report = toSummary(props.entry);
  // No paragraphs: the report's page carries them, and the browser reads them from there to compare
  // two reports (src/lib/compare/page-outline.ts); writing them here too doubled the archive's size.
  const analysis = remarkPluginFrontmatter['analysis'] as ReportAnalysis;
  // Metrics without their sentences, which the page carries too; `nianjian analyze` prints them.
  const metrics = analysis.metrics.map(({ sentence: _sentence, ...metric }) => metric);
  const body = { ...report, ...analysis, metrics, title: report.title, year: report.year };
  return new Response(JSON.stringify(body), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
