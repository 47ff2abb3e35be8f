import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { createReportSchema } from './lib/report-schema.ts';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { buildScopeFromEnv } from './node/build-scope.ts';
import { reportGlobPatterns, reportIdFromEntry, resolveContentSource, visibilityFromEnv } from './node/content-source.ts';
import { readArchiveParts } from './node/archive-parts.ts';

const source = resolveContentSource();
const scope = buildScopeFromEnv();

const reports = defineCollection({
  // The merge build of a sharded archive lists every report from the shards' parts, without its text:
  // it publishes only the archive-wide pages.
  loader: scope.mode === 'merge'
    ? () => readArchiveParts(scope.parts).flatMap((part) => part.reports.map(({ id, data }) => ({ id, ...data })))
    : glob({
      // Files starting with _ are drafts; a public build lists only public reports' files, a shard only its own.
      pattern: reportGlobPatterns(source, visibilityFromEnv()),
      base: pathToFileURL(`${source.reportsDir}/`),
      generateId: ({ entry }) => reportIdFromEntry(entry),
    }),
  // Astro hands an inline loader's `id` to the schema with the data; the frontmatter has none.
  schema: scope.mode === 'merge'
    ? z.preprocess((value) => (value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'id')) : value), createReportSchema(source.config.kinds))
    : createReportSchema(source.config.kinds),
});

export const collections = { reports };
