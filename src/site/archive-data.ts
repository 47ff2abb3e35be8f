import { type CollectionEntry, getCollection } from 'astro:content';
import { type ReportSummary, orderKinds, orderUnits, sortReports } from '../lib/archive.ts';
import path from 'node:path';
import { findOriginalFile, resolveContentSource } from '../node/content-source.ts';

export type ReportEntry = CollectionEntry<'reports'>;

export const siteConfig = resolveContentSource().config;

export function toSummary(entry: ReportEntry): ReportSummary {
  const { title, year, unit, kind, date, author, summary, tags, confidentiality } = entry.data;
  return { id: entry.id, title, year, unit, kind, date, author, summary, tags, confidentiality };
}

/** Everything the index pages need, computed once per build. */
export async function loadArchive() {
  const entries = await getCollection('reports');
  const summaries = entries.map(toSummary);
  const units = orderUnits(siteConfig.units, summaries);
  const kinds = orderKinds(siteConfig.kinds, summaries);
  const reports = sortReports(summaries, units);
  return { entries, reports, units, kinds };
}

/** The original document of a report, when the importer kept one beside it. */
export function originalOf(entry: ReportEntry) {
  // entry.filePath is relative to Astro's root; astro.config.mjs records the root for bundled code.
  return entry.filePath ? findOriginalFile(path.resolve(process.env['NIANJIAN_ROOT'] ?? process.cwd(), entry.filePath)) : undefined;
}
