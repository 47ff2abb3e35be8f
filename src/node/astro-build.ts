// Runs one Astro build in a child process (src/node/astro-build-child.ts): its memory is given back before
// Pagefind indexes the pages. The options go through the environment, as `astro build` would see them.
import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { projectRoot } from './content-source.ts';

const ASTRO_BUILD_CHILD = fileURLToPath(new URL('./astro-build-child.ts', import.meta.url));

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
export async function runAstroBuild(outDir: string, quiet: boolean, scopePlan?: string): Promise<void> {
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
