import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapePath } from 'tinyglobby';
import { parseSiteConfigText, type SiteConfig, parseSiteConfig } from '../lib/site-config.ts';
import { findFollowUpProblems } from '../lib/compare/archive-analysis.ts';
import { mergeRoleKeywords } from '../lib/structure/section-roles.ts';
import { formatReportProblem, validateReports } from '../lib/validate-reports.ts';
import { buildScopeFromEnv, type BuildScope } from './build-scope.ts';
import type { ShardReport } from '../lib/shards.ts';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const defaultContentDir = path.join(projectRoot, 'content');
export const siteConfigFileName = 'nianjian.config.json';
export const reportPattern = /\.mdx?$/i;

export class ContentSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContentSourceError';
  }
}

export interface ContentSource {
  /** The folder the user named (or the embedded sample archive). */
  root: string;
  /** Where the report files are: `<root>/reports` when it exists, else `<root>` itself. */
  reportsDir: string;
  configFile: string | undefined;
  config: SiteConfig;
}

/** Finds the reports and the site config of a content folder; clear errors for a missing or empty one. */
export function resolveContentSource(dir: string = process.env['NIANJIAN_CONTENT'] || defaultContentDir): ContentSource {
  const root = path.resolve(dir);
  if (!existsSync(root)) throw new ContentSourceError(`内容目录不存在：${root}`);
  if (!statSync(root).isDirectory()) throw new ContentSourceError(`内容路径不是目录：${root}`);
  const nested = path.join(root, 'reports');
  const reportsDir = existsSync(nested) && statSync(nested).isDirectory() ? nested : root;
  const configPath = path.join(root, siteConfigFileName);
  const configFile = existsSync(configPath) ? configPath : undefined;
  const config = configFile
    ? parseSiteConfigText(readFileSync(configFile, 'utf8'), path.relative(process.cwd(), configFile) || configFile)
    : parseSiteConfig({});
  return { root, reportsDir, configFile, config };
}

/** Every report file below the reports folder, sorted so builds are repeatable. */
export function listReportFiles(reportsDir: string): string[] {
  const files = readdirSync(reportsDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && reportPattern.test(entry.name) && !entry.name.startsWith('_'))
    .map((entry) => path.join(entry.parentPath, entry.name));
  return files.sort();
}

/** Report id = path below the reports folder without extension, with characters that break URLs replaced. */
export function reportIdFromPath(reportsDir: string, file: string): string {
  return reportIdFromEntry(path.relative(reportsDir, file).split(path.sep).join('/'));
}

/** The same id from a glob entry (`2022/x.mdx`), as Astro's loader sees it. */
export function reportIdFromEntry(entry: string): string {
  return entry
    .replace(reportPattern, '')
    .normalize('NFC')
    .split('/')
    .map((segment) => segment.trim().replace(/[\s?#%]+/g, '-'))
    .join('/');
}

/** Reads every report file for validation, with the path as the user should see it. */
export function readReportSources(reportsDir: string, files: readonly string[]) {
  return files.map((file) => ({
    path: path.relative(process.cwd(), file) || file,
    text: readFileSync(file, 'utf8'),
    id: reportIdFromPath(reportsDir, file),
  }));
}

/** Validates every report of a content source; returns the files and, if any are invalid, one message listing all problems. */
export function checkReportFiles(
  source: ContentSource,
  visibility: Visibility = 'internal',
): { files: string[]; published: number; publishedReports: ShardReport[]; problemMessage: string | undefined } {
  const files = listReportFiles(source.reportsDir);
  if (files.length === 0) return { files, published: 0, publishedReports: [], problemMessage: `内容目录中没有报告文件（.md 或 .mdx）：${source.reportsDir}` };
  const { reports, problems } = validateReports(readReportSources(source.reportsDir, files), source.config.kinds);
  if (problems.length === 0) {
    const withIds = reports.map((report) => ({ ...report, id: report.id ?? report.path }));
    problems.push(...findFollowUpProblems(withIds, mergeRoleKeywords(source.config.roleKeywords)));
  }
  const published = visibility === 'public' ? reports.filter((r) => r.data.confidentiality === 'public').length : files.length;
  // Each published report's file (relative to the reports folder), unit and year: what a sharded build is planned from.
  // Also the files of the reports its explicit follow-ups answer (`<report id>#<commitment id>`).
  const fileOfPath = new Map(files.map((file) => [path.relative(process.cwd(), file) || file, file]));
  const relativeFile = (report: (typeof reports)[number]) => path.relative(source.reportsDir, fileOfPath.get(report.path) ?? report.path);
  const fileOfId = new Map(reports.map((report) => [report.id ?? report.path, relativeFile(report)]));
  const publishedReports = reports
    .filter((report) => visibility === 'internal' || report.data.confidentiality === 'public')
    .map((report) => {
      const answers = [...new Set(report.data.followUps.map((followUp) => fileOfId.get(followUp.commitment.split('#')[0]!)).filter((file) => file !== undefined))];
      return { file: relativeFile(report), unit: report.data.unit, year: report.data.year, ...(answers.length > 0 ? { answers } : {}) };
    });
  let problemMessage: string | undefined;
  if (problems.length > 0) {
    problemMessage = `报告内容有 ${problems.length} 处问题，请修正后重新构建：\n${problems.map(formatReportProblem).join('\n')}`;
  } else if (published === 0) {
    problemMessage = `没有可公开的报告（confidentiality: public）：${source.reportsDir}`;
  }
  return { files, published, publishedReports, problemMessage };
}

/** Which reports a build includes: `public` builds never see an internal report's file at all. */
export type Visibility = 'internal' | 'public';

export function visibilityFromEnv(): Visibility {
  return process.env['NIANJIAN_VISIBILITY'] === 'public' ? 'public' : 'internal';
}

/** The report files a build reads: all of them, or a shard's own and context files. */
export function scopedReportFiles(source: ContentSource, scope: BuildScope = buildScopeFromEnv()): string[] {
  if (scope.mode !== 'shard') return listReportFiles(source.reportsDir);
  return [...scope.shard.own, ...scope.shard.context].map((file) => path.join(source.reportsDir, file)).sort();
}

/**
 * Glob patterns for the content loader. A public build lists its public files one by one, so internal
 * reports are never read, rendered or bundled, rather than filtered out after the fact; so does a shard.
 */
export function reportGlobPatterns(source: ContentSource, visibility: Visibility, scope: BuildScope = buildScopeFromEnv()): string[] {
  if (visibility === 'internal' && scope.mode === 'whole') return ['**/*.{md,mdx}', '!**/_*'];
  const files = scopedReportFiles(source, scope);
  let listed = files;
  if (visibility === 'public') {
    const { reports } = validateReports(readReportSources(source.reportsDir, files), source.config.kinds);
    const publicPaths = new Set(reports.filter((report) => report.data.confidentiality === 'public').map((report) => report.path));
    listed = files.filter((file) => publicPaths.has(path.relative(process.cwd(), file) || file));
  }
  const patterns = listed.map((file) => escapePath(path.relative(source.reportsDir, file).split(path.sep).join('/')));
  // An empty list would match everything in some glob libraries; match nothing explicitly instead.
  return patterns.length > 0 ? patterns : ['!**/*'];
}

/**
 * The source document kept beside a report by `nianjian import --keep-original`: same base name with
 * .docx, .doc, .pdf or .txt, or `_name.md` (underscored so it is not read as a report itself).
 */
export function findOriginalFile(reportFile: string): { file: string; extension: string } | undefined {
  const dir = path.dirname(reportFile);
  const name = path.basename(reportFile).replace(reportPattern, '');
  for (const candidate of [`${name}.docx`, `${name}.doc`, `${name}.pdf`, `${name}.txt`, `_${name}.md`]) {
    const file = path.join(dir, candidate);
    if (existsSync(file)) return { file, extension: path.extname(candidate).slice(1) };
  }
  return undefined;
}
