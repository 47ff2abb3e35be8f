import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { runCli } from '../helpers/run-cli.ts';
import { serveStatic } from './static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    siteDir: string;
    siteBase: string;
  }
}

/** Builds the sample archive once under a non-root base path and serves it for every browser test. */
export default async function setup(project: TestProject) {
  const base = '/archive/';
  const tempRoot = mkdtempSync(path.join(tmpdir(), 'nianjian-e2e-'));
  const siteDir = path.join(tempRoot, 'site');
  const result = runCli(['build', '--out', siteDir, '--base', base, '--quiet']);
  if (result.status !== 0) throw new Error(`示例档案构建失败：\n${result.stdout}\n${result.stderr}`);
  const server = await serveStatic(siteDir, base);
  project.provide('siteUrl', server.url);
  project.provide('siteDir', siteDir);
  project.provide('siteBase', base);
  return async () => {
    await server.close();
    rmSync(tempRoot, { recursive: true, force: true });
  };
}
