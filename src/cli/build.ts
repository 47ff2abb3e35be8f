import { existsSync, readFileSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { formatReportProblem, validateReports } from '../lib/validate-reports.ts';
import { ContentSourceError, listReportFiles, projectRoot, resolveContentSource } from '../node/content-source.ts';
import { SiteConfigError } from '../lib/site-config.ts';
import { normaliseBase, parseCommandArgs } from './args.ts';
import { CliError } from './cli-error.ts';

export interface BuildOptions {
  content?: string | undefined;
  out?: string | undefined;
  base?: string | undefined;
  quiet?: boolean | undefined;
}

/** Checks the content folder and every report; throws one CliError listing every problem. */
export function checkContent(contentDir: string | undefined) {
  let source;
  try {
    source = resolveContentSource(contentDir);
  } catch (error) {
    if (error instanceof ContentSourceError || error instanceof SiteConfigError) throw new CliError(error.message);
    throw error;
  }
  const files = listReportFiles(source.reportsDir);
  if (files.length === 0) throw new CliError(`内容目录中没有报告文件（.md 或 .mdx）：${source.reportsDir}`);
  const { problems } = validateReports(
    files.map((file) => ({ path: path.relative(process.cwd(), file) || file, text: readFileSync(file, 'utf8') })),
    source.config.kinds,
  );
  if (problems.length > 0) {
    throw new CliError(`报告内容有 ${problems.length} 处问题，请修正后重新构建：\n${problems.map(formatReportProblem).join('\n')}`);
  }
  return { source, files };
}

/** Builds into a temporary folder beside the target and swaps it in only when everything succeeded. */
export async function buildSite(options: BuildOptions): Promise<{ outDir: string; reports: number; seconds: number }> {
  const started = performance.now();
  const { source, files } = checkContent(options.content);
  const outDir = path.resolve(options.out ?? path.join(projectRoot, 'dist'));
  const tempDir = `${outDir}.tmp-${process.pid}`;
  process.env['NIANJIAN_CONTENT'] = source.root;
  process.env['NIANJIAN_OUT'] = tempDir;
  if (options.base) process.env['NIANJIAN_BASE'] = normaliseBase(options.base);
  else delete process.env['NIANJIAN_BASE'];
  const { build } = await import('astro');
  try {
    await build({ root: projectRoot, outDir: tempDir, logLevel: options.quiet ? 'error' : 'info' });
    const oldDir = `${outDir}.old-${process.pid}`;
    if (existsSync(outDir)) await rename(outDir, oldDir);
    await rename(tempDir, outDir);
    await rm(oldDir, { recursive: true, force: true });
  } catch (error) {
    await rm(tempDir, { recursive: true, force: true });
    throw error;
  }
  return { outDir, reports: files.length, seconds: (performance.now() - started) / 1000 };
}

export async function runBuild(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(
    args,
    { content: { type: 'string' }, out: { type: 'string' }, base: { type: 'string' }, quiet: { type: 'boolean' } },
    'build',
  );
  const result = await buildSite(values);
  console.log(`已构建 ${result.reports} 篇报告 → ${path.relative(process.cwd(), result.outDir) || result.outDir}（${result.seconds.toFixed(1)} 秒）`);
  return 0;
}
