// A sharded build (src/lib/shards.ts, src/node/build-scope.ts): each shard's Astro build and search index,
// the merge build of the archive-wide pages from the shards' parts, the assembly of one site, and the
// cache of built shards between builds.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_SHARD_REPORTS, planShards, SHARD_THRESHOLD, type Shard, type ShardReport } from '../lib/shards.ts';
import { readArchiveParts } from './archive-parts.ts';
import { runAstroBuild } from './astro-build.ts';
import { shardBundleFolder, type BuildScope } from './build-scope.ts';
import { projectRoot, type ContentSource, type Visibility } from './content-source.ts';
import { indexSite } from './index-site.ts';
import { projectCodeDigest, pruneShardCache, restoreShard, saveShard, shardDigest } from './shard-cache.ts';

/** Where a shard's build writes its archive part, inside its output. */
export const ARCHIVE_PART_FILE = path.join('shard', 'archive-part.json');

export async function writeScopePlan(file: string, scope: BuildScope): Promise<void> {
  await writeFile(file, JSON.stringify(scope));
}

/**
 * Moves a built shard into the site: its search index to its bundle folder, then everything the site does
 * not have yet (the merge build's archive-wide pages replace a shard's; hashed assets are the same files).
 * The archive part stays behind: it holds the shard's frontmatter, for the merge build only.
 */
export async function assembleShard(shardDir: string, siteDir: string, shards: readonly string[], name: string): Promise<void> {
  const bundle = path.join(siteDir, shardBundleFolder(shards, name));
  await mkdir(path.dirname(bundle), { recursive: true });
  await rename(path.join(shardDir, 'pagefind'), bundle);
  await rm(path.join(shardDir, path.dirname(ARCHIVE_PART_FILE)), { recursive: true, force: true });
  await moveMissing(shardDir, siteDir);
}

/**
 * Moves what `to` lacks from `from`: a whole folder at once where `to` has none of that name (a shard's
 * reports/2001/, data/reports/2001/ …), otherwise entry by entry; a file `to` has is left where it is.
 */
async function moveMissing(from: string, to: string): Promise<void> {
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (!existsSync(target)) {
      await mkdir(to, { recursive: true });
      await rename(source, target);
    } else if (entry.isDirectory()) {
      await moveMissing(source, target);
    }
  }
}

/** One shard built and indexed on its own: its years' pages, its search index and its archive part. */
export async function buildShard(shardDir: string, shard: Shard, names: string[], quiet: boolean): Promise<number> {
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
export async function mergeShards(siteDir: string, shardsDir: string, shards: Shard[], quiet: boolean): Promise<number> {
  const names = shards.map((shard) => shard.name);
  const parts = names.map((name) => path.join(shardsDir, name, ARCHIVE_PART_FILE));
  for (const [index, part] of parts.entries()) {
    if (!existsSync(part)) throw new Error(`缺少分片 ${names[index]} 的构建结果：${part}（先用 nianjian build --shard ${names[index]} 构建它）`);
    const listed = readArchiveParts([part])[0]!.reports.length;
    if (listed !== shards[index]!.own.length) {
      throw new Error(`分片 ${names[index]} 的构建结果有 ${listed} 篇报告，按现在的内容应有 ${shards[index]!.own.length} 篇：请用同样的内容和 --shard-reports 重新构建该分片`);
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
export interface ShardCache {
  dir: string;
  digestOf: (shard: Shard) => string;
}

/**
 * A sharded archive on this machine: the shards one after the other (so that memory is that of one shard),
 * each taken from the cache when nothing it reads has changed, then the archive-wide pages and the assembly.
 */
export async function buildInShards(siteDir: string, shards: Shard[], quiet: boolean, cache: ShardCache | undefined): Promise<number> {
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
export function shardCacheFor(source: ContentSource, outDir: string, visibility: Visibility, names: string[]): ShardCache | undefined {
  const setting = process.env['NIANJIAN_SHARD_CACHE'];
  if (setting === '0') return undefined;
  const options = { visibility, base: process.env['NIANJIAN_BASE'] ?? source.config.base };
  const key = createHash('sha1').update(JSON.stringify([outDir, options])).digest('hex').slice(0, 16);
  const dir = path.join(setting ? path.resolve(setting) : path.join(projectRoot, '.astro', 'nianjian-shards'), key);
  const context = { options, configText: source.configFile ? readFileSync(source.configFile, 'utf8') : '', code: projectCodeDigest(projectRoot) };
  return { dir, digestOf: (shard) => shardDigest(shard, names, source.reportsDir, context) };
}
