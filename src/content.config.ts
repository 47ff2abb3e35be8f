import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { createReportSchema } from './lib/report-schema.ts';
import { resolveContentSource } from './node/content-source.ts';

const source = resolveContentSource();

const reports = defineCollection({
  loader: glob({
    // Files starting with _ are drafts or partials, as in Astro's own conventions.
    pattern: ['**/*.{md,mdx}', '!**/_*'],
    base: source.reportsDir,
    generateId: ({ entry }) => entry.replace(/\.mdx?$/i, '').normalize('NFC'),
  }),
  schema: createReportSchema(source.config.kinds),
});

export const collections = { reports };
