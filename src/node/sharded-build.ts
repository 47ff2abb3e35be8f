// The file work of a sharded build (src/lib/shards.ts, src/node/build-scope.ts): the plan file each Astro
// build reads, and the assembly of the shards' outputs and the merge build's into one site.
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { shardBundleFolder, type BuildScope } from './build-scope.ts';

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
