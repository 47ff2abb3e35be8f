import { type CollectionEntry, getCollection } from 'astro:content';
import { type ReportSummary, orderKinds, orderUnits, sortReports } from '../lib/archive.ts';
import path from 'node:path';
import { createRedactor } from '../lib/redact.ts';
import { findOriginalFile, resolveContentSource, visibilityFromEnv } from '../node/content-source.ts';

export type ReportEntry = CollectionEntry<'reports'>;

export const siteConfig = resolveContentSource().config;

const isPublicBuild = visibilityFromEnv() === 'public';

/** Masks a report's redacted names in text taken from its frontmatter; does nothing in an internal build. */
export function maskerFor(entry: ReportEntry): (text: string) => string {
  return isPublicBuild ? createRedactor([...siteConfig.redact, ...entry.data.redact], siteConfig.redactionMask) : (text) => text;
}

/** A report's metadata as pages show it; in a public build, redacted names are masked here as in the body. */
export function toSummary(entry: ReportEntry): ReportSummary {
  const { title, year, unit, kind, date, author, summary, tags, confidentiality } = entry.data;
  const mask = maskerFor(entry);
  return {
    id: entry.id,
    title: mask(title),
    year,
    unit,
    kind,
    date,
    author: author === undefined ? undefined : mask(author),
    summary: summary === undefined ? undefined : mask(summary),
    tags: tags.map(mask),
    confidentiality,
  };
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
  // A source document cannot be redacted: a public build offers it only when nothing in it is hidden.
  const hides = siteConfig.redact.length > 0 || entry.data.redact.length > 0 || /<Internal[\s>]/.test(entry.body ?? '');
  if (isPublicBuild && hides) return undefined;
  // entry.filePath is relative to Astro's root; astro.config.mjs records the root for bundled code.
  return entry.filePath ? findOriginalFile(path.resolve(process.env['NIANJIAN_ROOT'] ?? process.cwd(), entry.filePath)) : undefined;
}
