import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { collectIncludeCharacters, spaceCjkHtml } from '../lib/cjk-spacing.ts';
import { buildSearchIndex } from '../lib/search-index.ts';
import { type ContentSource, checkReportFiles, visibilityFromEnv } from '../node/content-source.ts';

export interface NianjianOptions {
  source: ContentSource;
}

async function listHtmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Indexes the written report pages. Pagefind reads a copy in which every CJK character stands apart
 * (src/lib/cjk-spacing.ts), so a search finds any run of characters, as Ctrl+F does; the pages stay as written.
 */
async function indexSite(outDir: string): Promise<number> {
  const pages = [];
  for (const file of await listHtmlFiles(outDir)) {
    const html = await readFile(file, 'utf8');
    if (!html.includes('data-pagefind-body')) continue;
    const relative = path.relative(outDir, file).split(path.sep).join('/');
    // Pagefind's browser code prefixes the site's base (from where pagefind.js is served) to every URL.
    pages.push({ url: `/${relative.replace(/(^|\/)index\.html$/, '$1')}`, html });
  }
  const { pageCount } = await buildSearchIndex({
    pages,
    outputPath: path.join(outDir, 'pagefind'),
    transformHtml: spaceCjkHtml,
    includeCharacters: collectIncludeCharacters,
  });
  return pageCount;
}

export function nianjian({ source }: NianjianOptions): AstroIntegration {
  return {
    name: 'nianjian',
    hooks: {
      'astro:config:setup': () => {
        // Every problem in every report before Astro starts, also when `astro build` runs without the CLI.
        const { problemMessage } = checkReportFiles(source, visibilityFromEnv());
        if (problemMessage) throw new Error(problemMessage);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const count = await indexSite(fileURLToPath(dir));
        logger.info(`Pagefind 已索引 ${count} 篇报告`);
      },
    },
  };
}
