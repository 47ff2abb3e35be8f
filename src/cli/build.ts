import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { checkReportFiles, ContentSourceError, projectRoot, resolveContentSource, type Visibility } from '../node/content-source.ts';
import { SiteConfigError } from '../lib/site-config.ts';
import { withBuildLock } from '../node/build-lock.ts';
import { indexSite } from '../node/index-site.ts';
import { buildInShards, buildShard, mergeShards, planBuildShards, shardCacheFor } from '../node/sharded-build.ts';
import { runAstroBuild } from '../node/astro-build.ts';
import { normaliseBase, parseCommandArgs, parseShardReports } from './args.ts';
import { CliError } from './cli-error.ts';

export interface BuildOptions {
  content?: string | undefined;
  out?: string | undefined;
  base?: string | undefined;
  quiet?: boolean | undefined;
  /** Only reports marked `confidentiality: public`; nothing of the others reaches any output file. */
  public?: boolean | undefined;
  /** Build in shards of at most this many reports (default: in shards of 1,000 above 1,500 reports). */
  shardReports?: number | undefined;
  /** Build only this shard (its pages, search index and archive part), for a CI job of its own. */
  shard?: string | undefined;
  /** Build the archive-wide pages from shards built with `shard`, in `<dir>/<name>/`, and assemble the site. */
  mergeShards?: string | undefined;
}

/** Checks the content folder and every report; throws one CliError listing every problem. */
export function checkContent(contentDir: string | undefined, visibility: Visibility = 'internal') {
  let source;
  try {
    source = resolveContentSource(contentDir);
  } catch (error) {
    if (error instanceof ContentSourceError || error instanceof SiteConfigError) throw new CliError(error.message);
    throw error;
  }
  const { files, published, publishedReports, problemMessage } = checkReportFiles(source, visibility);
  if (problemMessage) throw new CliError(problemMessage);
  return { source, files, published, publishedReports };
}

/** Astro's and the MDX compiler's messages name the file, line and column; keep those, drop stack frames. */
function describeBuildError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .split('\n')
    .filter((line) => !/^\s+at /.test(line))
    .join('\n')
    .trim();
}

/** Builds into a temporary folder beside the target and swaps it in only when everything succeeded. */
export async function buildSite(options: BuildOptions): Promise<{ outDir: string; reports: number; visibility: Visibility; seconds: number }> {
  const started = performance.now();
  const visibility: Visibility = options.public ? 'public' : 'internal';
  const { source, published, publishedReports } = checkContent(options.content, visibility);
  const shards = planBuildShards(publishedReports, options.shardReports);
  const names = shards?.map((shard) => shard.name) ?? [];
  const onlyShard = options.shard === undefined ? undefined : shards?.find((shard) => shard.name === options.shard);
  if ((options.shard !== undefined || options.mergeShards !== undefined) && (!shards || shards.length < 2)) {
    throw new CliError(`这份档案（${published} 篇报告）不分片构建：--shard 和 --merge-shards 需要与 --shard-reports 一起使用`);
  }
  if (options.shard !== undefined && !onlyShard) throw new CliError(`没有名为 ${options.shard} 的分片；按现在的内容，分片为：${names.join('、')}`);
  // A separate default folder, so a public build never lands where an internal one was served from.
  const outDir = path.resolve(options.out ?? path.join(projectRoot, visibility === 'public' ? 'dist-public' : 'dist'));
  const tempDir = `${outDir}.tmp-${process.pid}`;
  process.env['NIANJIAN_CONTENT'] = source.root;
  process.env['NIANJIAN_OUT'] = tempDir;
  process.env['NIANJIAN_VISIBILITY'] = visibility;
  // Astro lets a BASE_URL environment variable override import.meta.env.BASE_URL in pages; --base decides here.
  delete process.env['BASE_URL'];
  if (options.base) process.env['NIANJIAN_BASE'] = normaliseBase(options.base);
  else delete process.env['NIANJIAN_BASE'];
  try {
    await withBuildLock(
      path.join(projectRoot, '.astro', 'nianjian-build.lock'),
      async () => {
        let count: number;
        if (onlyShard) {
          count = await buildShard(tempDir, onlyShard, names, options.quiet ?? false);
        } else if (options.mergeShards !== undefined && shards) {
          count = await mergeShards(tempDir, path.resolve(options.mergeShards), shards, options.quiet ?? false);
        } else if (shards && shards.length > 1) {
          count = await buildInShards(tempDir, shards, options.quiet ?? false, shardCacheFor(source, outDir, visibility, names));
        } else {
          await runAstroBuild(tempDir, options.quiet ?? false);
          count = await indexSite(tempDir);
        }
        if (!options.quiet) console.log(`Pagefind 已索引 ${count} 篇报告`);
      },
      () => console.log('另一个构建正在进行，等待其完成…'),
    );
    const oldDir = `${outDir}.old-${process.pid}`;
    if (existsSync(outDir)) await rename(outDir, oldDir);
    await rename(tempDir, outDir);
    await rm(oldDir, { recursive: true, force: true });
  } catch (error) {
    await rm(tempDir, { recursive: true, force: true });
    const hint = /MDXError/.test(String(error)) ? '\n提示：正文中的 { } < > 是 MDX 语法字符，请改为全角（｛ ｝ 《 》）或在前面加反斜杠 \\。' : '';
    throw new CliError(`构建失败，输出目录未改动：\n${describeBuildError(error)}${hint}`);
  }
  return { outDir, reports: onlyShard?.own.length ?? published, visibility, seconds: (performance.now() - started) / 1000 };
}

export async function runBuild(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(
    args,
    { content: { type: 'string' }, out: { type: 'string' }, base: { type: 'string' }, quiet: { type: 'boolean' }, public: { type: 'boolean' }, 'shard-reports': { type: 'string' }, shard: { type: 'string' }, 'merge-shards': { type: 'string' } },
    'build',
  );
  const shardReports = parseShardReports(values['shard-reports']);
  const result = await buildSite({ ...values, shardReports, mergeShards: values['merge-shards'] });
  console.log(`已构建${values.shard ? `分片 ${values.shard}：` : ''}${result.visibility === 'public' ? '公开版 ' : ' '}${result.reports} 篇报告 → ${path.relative(process.cwd(), result.outDir) || result.outDir}（${result.seconds.toFixed(1)} 秒）`);
  return 0;
}
