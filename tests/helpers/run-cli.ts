import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const sharedDir = path.resolve(repoRoot, '../shared');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI as a user would, on the same Node as the tests (the project's pinned Node 22). */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'bin/nianjian.mjs'), ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, NIANJIAN_CONTENT: '', NIANJIAN_BASE: '', NIANJIAN_OUT: '', ...options.env },
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
