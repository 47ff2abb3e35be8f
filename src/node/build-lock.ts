import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs `work` while holding an exclusive lock file. Astro keeps per-project state in `<root>/.astro`
 * (content store, and server chunks when the output folder is outside the working directory), so two
 * builds of one project at once would overwrite each other's files; the second one waits instead.
 */
export async function withBuildLock<T>(lockFile: string, work: () => Promise<T>, onWait?: () => void): Promise<T> {
  mkdirSync(path.dirname(lockFile), { recursive: true });
  let told = false;
  for (;;) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lockFile, 'utf8').trim());
      // A lock left by a build that crashed or was killed is taken over.
      if (!Number.isInteger(holder) || holder <= 0 || !isAlive(holder)) {
        rmSync(lockFile, { force: true });
        continue;
      }
      if (!told) onWait?.();
      told = true;
      await sleep(250);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lockFile, { force: true });
  }
}
