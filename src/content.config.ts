import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { createReportSchema } from './lib/report-schema.ts';
import { pathToFileURL } from 'node:url';
import { reportGlobPatterns, reportIdFromEntry, resolveContentSource, visibilityFromEnv } from './node/content-source.ts';

const source = resolveContentSource();

const reports = defineCollection({
  loader: glob({
    // Files starting with _ are drafts; a public build lists only public reports' files.
    pattern: reportGlobPatterns(source, visibilityFromEnv()),
    base: pathToFileURL(`${source.reportsDir}/`),
    generateId: ({ entry }) => reportIdFromEntry(entry),
  }),
  schema: createReportSchema(source.config.kinds),
});

export const collections = { reports };
