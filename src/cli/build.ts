import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkReportFiles, ContentSourceError, projectRoot, resolveContentSource, type Visibility } from '../node/content-source.ts';
import { SiteConfigError } from '../lib/site-config.ts';
import { withBuildLock } from '../node/build-lock.ts';
import { indexSite } from '../node/index-site.ts';
import { normaliseBase, parseCommandArgs } from './args.ts';
import { CliError } from './cli-error.ts';

export interface BuildOptions {
  content?: string | undefined;
  out?: string | undefined;
  base?: string | undefined;
  quiet?: boolean | undefined;
  /** Only reports marked `confidentiality: public`; nothing of the others reaches any output file. */
  public?: boolean | undefined;
}

/** Checks the content folder and every report; throws one CliError listing every problem. */
export function checkContent(contentDir: string | undefined, visibility: Visibility = 'internal') {
  let source;
  try {
    source = resolveContentSource(contentDir);
  } catch (error) {
    if (error instanceof ContentSourceError || error instanceof SiteConfigError) throw new CliError(error.message);
    throw error;
  }
  const { files, published, problemMessage } = checkReportFiles(source, visibility);
  if (problemMessage) throw new CliError(problemMessage);
  return { source, files, published };
}

/** Astro's and the MDX compiler's messages name the file, line and column; keep those, drop stack frames. */
function describeBuildError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .split('\n')
    .filter((line) => !/^\s+at /.test(line))
    .join('\n')
    .trim();
}

const ASTRO_BUILD_CHILD = fileURLToPath(new URL('../node/astro-build-child.ts', import.meta.url));

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
async function runAstroBuild(outDir: string, quiet: boolean): Promise<void> {
  const errorFile = `${outDir}.error`;
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [ASTRO_BUILD_CHILD, projectRoot, outDir, quiet ? 'error' : 'info'], {
      stdio: 'inherit',
      env: astroChildEnv(process.env, errorFile),
    });
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (code === 0) return;
  const message = await readFile(errorFile, 'utf8').catch(() => `Astro 构建进程异常退出（退出码 ${code}）`);
  await rm(errorFile, { force: true });
  throw new Error(message);
}

/** Builds into a temporary folder beside the target and swaps it in only when everything succeeded. */
export async function buildSite(options: BuildOptions): Promise<{ outDir: string; reports: number; visibility: Visibility; seconds: number }> {
  const started = performance.now();
  const visibility: Visibility = options.public ? 'public' : 'internal';
  const { source, published } = checkContent(options.content, visibility);
  // A separate default folder, so a public build never lands where an internal one was served from.
  const outDir = path.resolve(options.out ?? path.join(projectRoot, visibility === 'public' ? 'dist-public' : 'dist'));
  const tempDir = `${outDir}.tmp-${process.pid}`;
  process.env['NIANJIAN_CONTENT'] = source.root;
  process.env['NIANJIAN_OUT'] = tempDir;
  process.env['NIANJIAN_VISIBILITY'] = visibility;
  // Astro lets a BASE_URL environment variable override import.meta.env.BASE_URL in pages; --base decides here.
  delete process.env['BASE_URL'];
  if (options.base) process.env['NIANJIAN_BASE'] = normaliseBase(options.base);
  else delete process.env['NIANJIAN_BASE'];
  try {
    await withBuildLock(
      path.join(projectRoot, '.astro', 'nianjian-build.lock'),
      async () => {
        await runAstroBuild(tempDir, options.quiet ?? false);
        const count = await indexSite(tempDir);
        if (!options.quiet) console.log(`Pagefind 已索引 ${count} 篇报告`);
      },
      () => console.log('另一个构建正在进行，等待其完成…'),
    );
    const oldDir = `${outDir}.old-${process.pid}`;
    if (existsSync(outDir)) await rename(outDir, oldDir);
    await rename(tempDir, outDir);
    await rm(oldDir, { recursive: true, force: true });
  } catch (error) {
    await rm(tempDir, { recursive: true, force: true });
    const hint = /MDXError/.test(String(error)) ? '\n提示：正文中的 { } < > 是 MDX 语法字符，请改为全角（｛ ｝ 《 》）或在前面加反斜杠 \\。' : '';
    throw new CliError(`构建失败，输出目录未改动：\n${describeBuildError(error)}${hint}`);
  }
  return { outDir, reports: published, visibility, seconds: (performance.now() - started) / 1000 };
}

export async function runBuild(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(
    args,
    { content: { type: 'string' }, out: { type: 'string' }, base: { type: 'string' }, quiet: { type: 'boolean' }, public: { type: 'boolean' } },
    'build',
  );
  const result = await buildSite(values);
  console.log(`已构建${result.visibility === 'public' ? '公开版 ' : ' '}${result.reports} 篇报告 → ${path.relative(process.cwd(), result.outDir) || result.outDir}（${result.seconds.toFixed(1)} 秒）`);
  return 0;
}
