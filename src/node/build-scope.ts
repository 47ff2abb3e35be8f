// What one Astro build publishes. A whole archive is one build. A sharded archive (src/lib/shards.ts) is one
// build per shard, publishing its years' reports and everything made of them (report pages, compare pages,
// the ledger of those years, data files, its own search index), and one merge build of the archive-wide
// pages (home, years, units, kinds, trends, ledger summary, search) from the shards' parts
// (src/site/archive-overview.ts). `nianjian build` names the scope in a plan file (NIANJIAN_SHARD_PLAN).
import { readFileSync } from 'node:fs';
import type { Shard } from '../lib/shards.ts';

export type BuildScope =
  | { mode: 'whole' }
  /** `shards`: every shard's name in order, for the search page to merge their indexes. */
  | { mode: 'shard'; shard: Shard; shards: string[] }
  /** `parts`: each shard's archive part (shard/archive-part.json), in shard order. */
  | { mode: 'merge'; parts: string[]; shards: string[] };

let cached: { file: string | undefined; scope: BuildScope } | undefined;

export function buildScopeFromEnv(): BuildScope {
  const file = process.env['NIANJIAN_SHARD_PLAN'] || undefined;
  if (cached && cached.file === file) return cached.scope;
  const scope: BuildScope = file ? (JSON.parse(readFileSync(file, 'utf8')) as BuildScope) : { mode: 'whole' };
  cached = { file, scope };
  return scope;
}

/** Whether this build publishes a report's pages, data file and ledger year. */
export function publishesYear(year: number, scope: BuildScope = buildScopeFromEnv()): boolean {
  return scope.mode === 'whole' || (scope.mode === 'shard' && year >= scope.shard.from && year <= scope.shard.to);
}

/** Whether this build publishes the archive-wide pages (a shard leaves them to the merge build). */
export function publishesArchivePages(scope: BuildScope = buildScopeFromEnv()): boolean {
  return scope.mode !== 'shard';
}

/** Where a shard's search index is in the assembled site: the first shard's is the site's own. */
export function shardBundleFolder(shards: readonly string[], name: string): string {
  return name === shards[0] ? 'pagefind/' : `pagefind/shards/${name}/`;
}

/** The other shards' search indexes, which a search merges with the site's own (Pagefind's mergeIndex). */
export function mergedBundlePaths(base: string, scope: BuildScope = buildScopeFromEnv()): string[] {
  if (scope.mode === 'whole') return [];
  return scope.shards.slice(1).map((name) => `${base}${shardBundleFolder(scope.shards, name)}`);
}

/** Whether this build renders any report (the merge build renders none, and must not ask for their analysis). */
export function publishesReports(scope: BuildScope = buildScopeFromEnv()): boolean {
  return scope.mode !== 'merge';
}
