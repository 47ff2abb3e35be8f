import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { withBuildLock } from '../../src/node/build-lock.ts';

describe('withBuildLock', () => {
  it('runs two builds of one project one after the other, never at once', async () => {
    const lock = path.join(mkdtempSync(path.join(tmpdir(), 'nianjian-lock-')), '.astro', 'build.lock');
    const events: string[] = [];
    const job = (name: string) =>
      withBuildLock(lock, async () => {
        events.push(`${name} start`);
        await sleep(300);
        events.push(`${name} end`);
      });
    await Promise.all([job('a'), sleep(50).then(() => job('b'))]);
    expect(events).toEqual(['a start', 'a end', 'b start', 'b end']);
    expect(existsSync(lock)).toBe(false);
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const lock = path.join(mkdtempSync(path.join(tmpdir(), 'nianjian-lock-')), 'build.lock');
    writeFileSync(lock, '999999999');
    expect(await withBuildLock(lock, async () => 'done')).toBe('done');
  });

  it('releases the lock when the build fails', async () => {
    const lock = path.join(mkdtempSync(path.join(tmpdir(), 'nianjian-lock-')), 'build.lock');
    await expect(withBuildLock(lock, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(existsSync(lock)).toBe(false);
  });
});
