import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkReportFiles, ContentSourceError, projectRoot, resolveContentSource, type ContentSource, type Visibility } from '../node/content-source.ts';
import { projectCodeDigest, pruneShardCache, restoreShard, saveShard, shardDigest } from '../node/shard-cache.ts';
import { SiteConfigError } from '../lib/site-config.ts';
import { withBuildLock } from '../node/build-lock.ts';
import { indexSite } from '../node/index-site.ts';
import { ARCHIVE_PART_FILE, assembleShard, writeScopePlan } from '../node/sharded-build.ts';
import { DEFAULT_SHARD_REPORTS, planShards, SHARD_THRESHOLD, type Shard, type ShardReport } from '../lib/shards.ts';
import { readArchiveParts } from '../node/archive-parts.ts';
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

const ASTRO_BUILD_CHILD = fileURLToPath(new URL('../node/astro-build-child.ts', import.meta.url));

/**
 * The Astro process's environment. glibc gives each thread that allocates an arena of its own (up to 8 a
 * core) and keeps what is freed in it; with the follow-up worker and libuv's threads beside the main one,
 * two arenas lowered the 1,000-report build's peak from 6.8 GB to 5.6–6.2 GB (two runs each). A value the
 * user sets is kept.
 */
export function astroChildEnv(env: NodeJS.ProcessEnv, errorFile: string): NodeJS.ProcessEnv {
  return { ...env, NIANJIAN_INDEX: 'after-build', NIANJIAN_ERROR_FILE: errorFile, MALLOC_ARENA_MAX: env['MALLOC_ARENA_MAX'] ?? '2' };
}

/** Astro's build in a process of its own: its memory is released before Pagefind starts on the pages. */
async function runAstroBuild(outDir: string, quiet: boolean, scopePlan?: string): Promise<void> {
  const errorFile = `${outDir}.error`;
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [ASTRO_BUILD_CHILD, projectRoot, outDir, quiet ? 'error' : 'info'], {
      stdio: 'inherit',
      env: { ...astroChildEnv(process.env, errorFile), ...(scopePlan ? { NIANJIAN_SHARD_PLAN: scopePlan } : {}) },
    });
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (code === 0) return;
  const message = await readFile(errorFile, 'utf8').catch(() => `Astro 构建进程异常退出（退出码 ${code}）`);
  await rm(errorFile, { force: true });
  throw new Error(message);
}

/** One shard built and indexed on its own: its years' pages, its search index and its archive part. */
async function buildShard(shardDir: string, shard: Shard, names: string[], quiet: boolean): Promise<number> {
  const started = performance.now();
  const plan = `${shardDir}.plan.json`;
  try {
    await mkdir(path.dirname(plan), { recursive: true });
    await writeScopePlan(plan, { mode: 'shard', shard, shards: names });
    await runAstroBuild(shardDir, quiet, plan);
    const indexed = await indexSite(shardDir);
    if (!quiet) console.log(`分片 ${shard.name}：${shard.own.length} 篇报告（另读相邻年度 ${shard.context.length} 篇），${((performance.now() - started) / 1000).toFixed(1)} 秒`);
    return indexed;
  } finally {
    await rm(plan, { force: true });
  }
}

/**
 * The archive-wide pages from the built shards' parts (`<shardsDir>/<name>/`), then the shards moved into
 * the site. Each shard must have been built from the same content and plan: its part lists its reports.
 */
async function mergeShards(siteDir: string, shardsDir: string, shards: Shard[], quiet: boolean): Promise<number> {
  const names = shards.map((shard) => shard.name);
  const parts = names.map((name) => path.join(shardsDir, name, ARCHIVE_PART_FILE));
  for (const [index, part] of parts.entries()) {
    if (!existsSync(part)) throw new CliError(`缺少分片 ${names[index]} 的构建结果：${part}（先用 nianjian build --shard ${names[index]} 构建它）`);
    const listed = readArchiveParts([part])[0]!.reports.length;
    if (listed !== shards[index]!.own.length) {
      throw new CliError(`分片 ${names[index]} 的构建结果有 ${listed} 篇报告，按现在的内容应有 ${shards[index]!.own.length} 篇：请用同样的内容和 --shard-reports 重新构建该分片`);
    }
  }
  const plan = `${siteDir}.plan.json`;
  try {
    await mkdir(path.dirname(plan), { recursive: true });
    await writeScopePlan(plan, { mode: 'merge', parts, shards: names });
    await runAstroBuild(siteDir, quiet, plan);
  } finally {
    await rm(plan, { force: true });
  }
  for (const name of names) await assembleShard(path.join(shardsDir, name), siteDir, names, name);
  return shards.reduce((sum, shard) => sum + shard.own.length, 0);
}

/** Where a sharded build keeps its shards between builds: beside Astro's own cache, one folder per output. */
interface ShardCache {
  dir: string;
  digestOf: (shard: Shard) => string;
}

/**
 * A sharded archive on this machine: the shards one after the other (so that memory is that of one shard),
 * each taken from the cache when nothing it reads has changed, then the archive-wide pages and the assembly.
 */
async function buildInShards(siteDir: string, shards: Shard[], quiet: boolean, cache: ShardCache | undefined): Promise<number> {
  const work = `${siteDir}.shards`;
  const names = shards.map((shard) => shard.name);
  await mkdir(work, { recursive: true });
  try {
    for (const shard of shards) {
      const shardDir = path.join(work, shard.name);
      const digest = cache?.digestOf(shard);
      if (cache && digest && (await restoreShard(cache.dir, shard.name, digest, shardDir))) {
        if (!quiet) console.log(`分片 ${shard.name}：内容与代码未变，沿用上次的构建结果`);
        continue;
      }
      await buildShard(shardDir, shard, names, quiet);
      if (cache && digest) await saveShard(cache.dir, shard.name, digest, shardDir);
    }
    if (cache) await pruneShardCache(cache.dir, names);
    return await mergeShards(siteDir, work, shards, quiet);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The shards of an archive as a build plans them: `--shard-reports`, or shards of 1,000 above 1,500 reports. */
export function planBuildShards(publishedReports: ShardReport[], shardReports: number | undefined): Shard[] | undefined {
  const size = shardReports ?? (publishedReports.length > SHARD_THRESHOLD ? DEFAULT_SHARD_REPORTS : undefined);
  return size === undefined ? undefined : planShards(publishedReports, size);
}

/**
 * The shard cache of one output folder, in .astro/nianjian-shards/ beside Astro's own cache; NIANJIAN_SHARD_CACHE
 * names another folder, or is 0 to build every shard afresh.
 */
function shardCacheFor(source: ContentSource, outDir: string, visibility: Visibility, names: string[]): ShardCache | undefined {
  const setting = process.env['NIANJIAN_SHARD_CACHE'];
  if (setting === '0') return undefined;
  const options = { visibility, base: process.env['NIANJIAN_BASE'] ?? source.config.base };
  const key = createHash('sha1').update(JSON.stringify([outDir, options])).digest('hex').slice(0, 16);
  const dir = path.join(setting ? path.resolve(setting) : path.join(projectRoot, '.astro', 'nianjian-shards'), key);
  const context = { options, configText: source.configFile ? readFileSync(source.configFile, 'utf8') : '', code: projectCodeDigest(projectRoot) };
  return { dir, digestOf: (shard) => shardDigest(shard, names, source.reportsDir, context) };
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
