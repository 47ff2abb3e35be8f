// Built shards kept between builds, so that a rebuild after editing a report builds only the shards that
// read it (its own, and a neighbour that reads it as context) and the archive-wide pages. A shard is reused
// when everything it was built from is the same: its plan, the content of each report file it reads, the
// site config, the build's options and the project's own code.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Shard } from '../lib/shards.ts';
import { findOriginalFile } from './content-source.ts';

const DIGEST_FILE = '.nianjian-shard-digest';

/** A digest of the project's code: a changed page, plugin or dependency invalidates every cached shard. */
export function projectCodeDigest(projectRoot: string): string {
  const hash = createHash('sha1');
  const files = [
    ...readdirSync(path.join(projectRoot, 'src'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name)),
    path.join(projectRoot, 'astro.config.mjs'),
    path.join(projectRoot, 'package-lock.json'),
  ].filter((file) => existsSync(file)).sort();
  for (const file of files) hash.update(path.relative(projectRoot, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

/** What a shard's output depends on. */
export function shardDigest(shard: Shard, names: readonly string[], reportsDir: string, context: { options: unknown; configText: string; code: string }): string {
  const hash = createHash('sha1').update(JSON.stringify({ shard, names, options: context.options, config: context.configText, code: context.code }));
  for (const file of [...shard.own, ...shard.context]) {
    hash.update(file).update('\0').update(readFileSync(path.join(reportsDir, file))).update('\0');
    // The source document kept beside a report is offered for download from its page.
    const original = findOriginalFile(path.join(reportsDir, file));
    if (original) hash.update(original.extension).update(readFileSync(original.file)).update('\0');
  }
  return hash.digest('hex');
}

/** Copies the cached shard into `shardDir` if it was built from the same inputs; says whether it did. */
export async function restoreShard(cacheDir: string, name: string, digest: string, shardDir: string): Promise<boolean> {
  const cached = path.join(cacheDir, name);
  const stored = await readFile(path.join(cached, DIGEST_FILE), 'utf8').catch(() => undefined);
  if (stored !== digest) return false;
  await cp(cached, shardDir, { recursive: true, filter: (source) => path.basename(source) !== DIGEST_FILE });
  return true;
}

/** Keeps a copy of a built shard; the digest is written last, so an interrupted copy is never reused. */
export async function saveShard(cacheDir: string, name: string, digest: string, shardDir: string): Promise<void> {
  const cached = path.join(cacheDir, name);
  await rm(cached, { recursive: true, force: true });
  await mkdir(cacheDir, { recursive: true });
  await cp(shardDir, cached, { recursive: true });
  await writeFile(path.join(cached, DIGEST_FILE), digest);
}

/** Drops cached shards the archive no longer has (after its years were re-planned, say). */
export async function pruneShardCache(cacheDir: string, names: readonly string[]): Promise<void> {
  if (!existsSync(cacheDir)) return;
  for (const entry of readdirSync(cacheDir)) if (!names.includes(entry)) await rm(path.join(cacheDir, entry), { recursive: true, force: true });
}
