import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
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

/** Builds the Pagefind index from the written pages; any indexing error fails the build. */
async function indexSite(outDir: string, base: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  try {
    if (!index) throw new Error(`Pagefind 无法创建索引：${errors.join('; ')}`);
    let count = 0;
    for (const file of await listHtmlFiles(outDir)) {
      const html = await readFile(file, 'utf8');
      if (!html.includes('data-pagefind-body')) continue;
      const relative = path.relative(outDir, file).split(path.sep).join('/');
      const url = base + relative.replace(/(^|\/)index\.html$/, '$1');
      const added = await index.addHTMLFile({ url, content: html });
      if (added.errors.length > 0) throw new Error(`Pagefind 索引 ${relative} 失败：${added.errors.join('; ')}`);
      count += 1;
    }
    const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind 写入索引失败：${written.errors.join('; ')}`);
    return count;
  } finally {
    await pagefind.close();
  }
}

export function nianjian({ source }: NianjianOptions): AstroIntegration {
  let base = '/';
  return {
    name: 'nianjian',
    hooks: {
      'astro:config:setup': () => {
        // Every problem in every report before Astro starts, also when `astro build` runs without the CLI.
        const { problemMessage } = checkReportFiles(source, visibilityFromEnv());
        if (problemMessage) throw new Error(problemMessage);
      },
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const count = await indexSite(fileURLToPath(dir), base);
        logger.info(`Pagefind 已索引 ${count} 篇报告`);
      },
    },
  };
}
