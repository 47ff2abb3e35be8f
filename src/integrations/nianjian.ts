import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { type ContentSource, checkReportFiles, scopedReportFiles, visibilityFromEnv } from '../node/content-source.ts';
import { buildScopeFromEnv } from '../node/build-scope.ts';
import { startFollowUpPrecompute } from '../node/follow-up-precompute.ts';
import { indexSite } from '../node/index-site.ts';

export interface NianjianOptions {
  source: ContentSource;
}

export function nianjian({ source }: NianjianOptions): AstroIntegration {
  let base = '/';
  return {
    name: 'nianjian',
    hooks: {
      'astro:config:setup': () => {
        // Every problem in every report before Astro starts, also when `astro build` runs without the CLI;
        // the builds of a sharded archive are started by `nianjian build`, which has checked them all.
        if (buildScopeFromEnv().mode !== 'whole') return;
        const { problemMessage } = checkReportFiles(source, visibilityFromEnv());
        if (problemMessage) throw new Error(problemMessage);
      },
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:start': () => {
        // A public build analyses redacted text, which only the MDX build sees: it matches follow-ups itself.
        // NIANJIAN_PRECOMPUTE=0 leaves everything to the pages (for measuring what the worker saves).
        // The merge build of a sharded archive renders no report.
        if (visibilityFromEnv() === 'public' || !process.env['NIANJIAN_ROOT'] || process.env['NIANJIAN_PRECOMPUTE'] === '0') return;
        if (buildScopeFromEnv().mode === 'merge') return;
        startFollowUpPrecompute(process.env['NIANJIAN_ROOT'], {
          reportsDir: source.reportsDir,
          files: scopedReportFiles(source),
          kinds: source.config.kinds,
          roleKeywords: source.config.roleKeywords,
          base,
          siteUrl: source.config.url,
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        // `nianjian build` indexes after the Astro process has ended and given its memory back.
        if (process.env['NIANJIAN_INDEX'] === 'after-build') return;
        const count = await indexSite(fileURLToPath(dir));
        logger.info(`Pagefind 已索引 ${count} 篇报告`);
      },
    },
  };
}
