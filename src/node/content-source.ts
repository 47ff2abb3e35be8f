import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSiteConfigText, type SiteConfig, parseSiteConfig } from '../lib/site-config.ts';

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

/** Report id = path below the reports folder without extension, with forward slashes. */
export function reportIdFromPath(reportsDir: string, file: string): string {
  return path.relative(reportsDir, file).replace(reportPattern, '').split(path.sep).join('/').normalize('NFC');
}
