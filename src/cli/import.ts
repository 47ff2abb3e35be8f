import { copyFileSync, existsSync, linkSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { ImportError } from '../lib/import/decode-text.ts';
import { importReport, type ImportedReport, type ImportOverrides } from '../lib/import/import-report.ts';
import { confidentialityLevels, type Confidentiality } from '../lib/report-schema.ts';
import { skeletonPath } from '../lib/import/report-skeleton.ts';
import { defaultKinds, parseSiteConfigText, SiteConfigError } from '../lib/site-config.ts';
import { formatReportProblem, validateReports } from '../lib/validate-reports.ts';
import { writeFileAtomic } from '../node/atomic-write.ts';
import { siteConfigFileName } from '../node/content-source.ts';
import { importExtensions, readReportInput, type ReportInput } from '../node/read-report-input.ts';
import { parseCommandArgs } from './args.ts';
import { CliError } from './cli-error.ts';
import { createProgressBar } from './progress.ts';

interface Planned {
  file: string;
  input?: ReportInput;
  report?: ImportedReport;
  /** Below the output folder: "2018/海拉尔区人民政府-政府工作报告.mdx". */
  target?: string;
  error?: string;
}

/** Paths as the user would type them: relative below the working folder, absolute elsewhere. */
const shown = (file: string) => {
  const relative = path.relative(process.cwd(), file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? path.resolve(file) : relative;
};

/** The files named on the command line, folders searched recursively for .txt/.docx/.doc/.pdf/.md. */
function listInputs(paths: string[]): string[] {
  const files: string[] = [];
  for (const given of paths) {
    const isDir = existsSync(given) && statSync(given).isDirectory();
    if (!isDir) {
      files.push(given);
      continue;
    }
    const found = readdirSync(given, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && importExtensions.includes(path.extname(e.name).toLowerCase()))
      // Hidden files and Word's lock files ("~$报告.docx") are not reports.
      .filter((e) => !e.name.startsWith('.') && !e.name.startsWith('~$'))
      .map((e) => path.join(e.parentPath, e.name));
    files.push(...found.sort());
  }
  return files;
}

/** Report kinds of the archive the output folder belongs to (its own or its parent's config). */
function readKinds(outDir: string): readonly string[] {
  for (const dir of [outDir, path.dirname(outDir)]) {
    const file = path.join(dir, siteConfigFileName);
    if (!existsSync(file)) continue;
    try {
      return parseSiteConfigText(readFileSync(file, 'utf8'), shown(file)).kinds;
    } catch (error) {
      if (error instanceof SiteConfigError) throw new CliError(error.message);
      throw error;
    }
  }
  return defaultKinds;
}

function readOverrides(values: Record<string, string | boolean | undefined>, kinds: readonly string[]): ImportOverrides {
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string).trim() || undefined : undefined);
  const year = text('year');
  if (year !== undefined && (!/^\d{4}$/.test(year) || Number(year) < 1949 || Number(year) > 2100)) {
    throw new CliError(`--year 应为 1949–2100 之间的四位年份，如 --year 2024；实际为 "${year}"`, 2);
  }
  const kind = text('kind');
  if (kind !== undefined && !kinds.includes(kind)) throw new CliError(`未知的报告类型 "${kind}"；站点配置中的类型为：${kinds.join('、')}`, 2);
  const confidentiality = text('confidentiality');
  if (confidentiality !== undefined && !(confidentialityLevels as readonly string[]).includes(confidentiality)) {
    throw new CliError(`--confidentiality 应为 public（公开）或 internal（内部）；实际为 "${confidentiality}"`, 2);
  }
  return {
    unit: text('unit'), kind, title: text('title'),
    year: year === undefined ? undefined : Number(year),
    confidentiality: confidentiality as Confidentiality | undefined,
  };
}

/** Reads and converts one input; failures become the item's error (the batch goes on). */
async function plan(file: string, overrides: ImportOverrides, kinds: readonly string[]): Promise<Planned> {
  try {
    const input = await readReportInput(file, importExtensions);
    const fm = input.frontmatter ?? {};
    const fromFile = (key: string) => (typeof fm[key] === 'string' ? fm[key] : undefined);
    const date = fm['date'] instanceof Date ? fm['date'].toISOString().slice(0, 10) : fromFile('date');
    const report = importReport({
      ...(input.text !== undefined ? { text: input.text } : {}),
      ...(input.paragraphs ? { paragraphs: input.paragraphs } : {}),
      ...(input.blocks ? { blocks: input.blocks } : {}),
      fileName: path.basename(file),
      overrides,
      // A .md file's own frontmatter wins over what the text suggests.
      defaults: {
        title: fromFile('title'), unit: fromFile('unit'), kind: fromFile('kind'), author: fromFile('author'), date,
        year: typeof fm['year'] === 'number' ? fm['year'] : undefined,
      },
    });
    report.warnings.unshift(...(input.warnings ?? []));
    const { kind, unit, year } = report.frontmatter;
    if (!kinds.includes(kind)) return { file, error: `报告类型“${kind}”不在站点配置的类型中（${kinds.join('、')}），请用 --kind 指定` };
    const { problems } = validateReports([{ path: shown(file), text: report.mdx }], kinds);
    if (problems.length > 0) return { file, error: `生成的 frontmatter 无效：${problems.map(formatReportProblem).join('；')}` };
    return { file, input, report, target: skeletonPath({ unit, year, kind }) };
  } catch (error) {
    if (error instanceof ImportError) return { file, error: error.message };
    throw error;
  }
}

/**
 * Two inputs for one report path keep apart by their source names: "<unit>-<kind>-<source>.mdx";
 * the same report as .doc and .pdf by their extensions too: "<unit>-<kind>-<source>-pdf.mdx".
 */
function separateCollisions(items: Planned[]): void {
  const count = new Map<string, number>();
  for (const item of items) if (item.target) count.set(item.target, (count.get(item.target) ?? 0) + 1);
  const colliding = items.filter((item) => item.target && count.get(item.target)! >= 2);
  const safe = (name: string) => name.trim().replace(/[\s/\\:*?"<>|.]+/g, '-');
  const baseOf = (file: string) => safe(path.basename(file, path.extname(file)));
  const twins = new Set(colliding.filter((item) => colliding.some((other) => other !== item && other.target === item.target && baseOf(other.file) === baseOf(item.file))));
  for (const item of colliding) {
    const base = baseOf(item.file);
    const twin = twins.has(item);
    const suffix = twin ? `${base}-${safe(path.extname(item.file).slice(1)) || 'file'}` : base;
    item.target = item.target!.replace(/\.mdx$/, `-${suffix}.mdx`);
  }
}

/** Copies the source beside its MDX through a temp file, like writeFileAtomic does for text. */
function copyOriginal(source: string, target: string, overwrite: boolean): void {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.tmp-${process.pid}`);
  copyFileSync(source, temp);
  try {
    if (overwrite) renameSync(temp, target);
    else linkSync(temp, target);
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Where --keep-original puts the source: same base name, own extension; a .md source gets a leading _ so the site does not read it as a second report. */
function originalPath(mdxFile: string, source: string): string {
  const extension = path.extname(source).toLowerCase();
  const base = mdxFile.replace(/\.mdx$/, extension);
  return extension === '.md' ? path.join(path.dirname(base), `_${path.basename(base)}`) : base;
}

function describe(report: ImportedReport): string {
  const clip = (title: string) => ([...title].length > 16 ? `${[...title].slice(0, 16).join('')}…` : title);
  const sections = report.summary.sections.map((s) => `${clip(s.title)}(${s.role})`).join(' ');
  return `${sections || '（无编号标题）'}  承诺 ${report.summary.commitments} 条  数据 ${report.summary.metrics} 项`;
}

export async function runImport(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      out: { type: 'string' }, unit: { type: 'string' }, kind: { type: 'string' }, year: { type: 'string' },
      confidentiality: { type: 'string' }, title: { type: 'string' },
      force: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, 'keep-original': { type: 'boolean' },
    },
    'import',
  );
  if (positionals.length === 0) throw new CliError('缺少要导入的文件或目录，如：nianjian import 报告.docx 旧报告/', 2);
  const outDir = path.resolve(values.out ?? 'content/reports');
  const kinds = readKinds(outDir);
  const overrides = readOverrides(values, kinds);
  const files = listInputs(positionals);
  if (files.length === 0) throw new CliError(`没有找到可导入的文件（${importExtensions.join('、')}）：${positionals.join(' ')}`);
  if (overrides.title && files.length > 1) throw new CliError('--title 只能用于导入单个文件', 2);

  const items: Planned[] = [];
  const progress = createProgressBar(files.length, '读取与分析');
  for (const file of files) {
    items.push(await plan(file, overrides, kinds));
    progress.tick();
  }
  progress.done();
  separateCollisions(items);

  const dryRun = values['dry-run'] === true;
  let done = 0;
  items.forEach((item, index) => {
    const counter = files.length > 1 ? `[${index + 1}/${files.length}] ` : '';
    if (item.error || !item.report || !item.target) return void console.error(`错误：${shown(item.file)}：${item.error}`);
    const target = path.join(outDir, item.target);
    const original = values['keep-original'] ? originalPath(target, item.file) : undefined;
    const force = values.force === true;
    const existing = [target, ...(original ? [original] : [])].find((file) => existsSync(file));
    const refuse = (file: string) => console.error(`错误：${shown(item.file)}：目标文件已存在，不会覆盖：${shown(file)}（如需覆盖请加 --force）`);
    if (existing && !force) return void refuse(existing);
    try {
      if (!dryRun) {
        writeFileAtomic(target, item.report.mdx, { overwrite: force });
        if (original) copyOriginal(item.file, original, force);
      }
    } catch (error) {
      // Another input of this batch (or another process) got there first.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      return void refuse(target);
    }
    done++;
    console.log(`${counter}${shown(item.file)} → ${shown(target)}  ${describe(item.report)}`);
    if (original) console.log(`  原稿${dryRun ? '将' : '已'}保存为 ${shown(original)}`);
    for (const warning of item.report.warnings) console.log(`  注意：${warning}`);
    if (dryRun) for (const line of item.report.mdx.split('\n').slice(0, 14)) console.log(`  | ${line}`);
  });
  const failed = items.length - done;
  const verb = dryRun ? '试运行（未写入任何文件）：可导入' : '已导入';
  console.log(`${verb} ${done} 篇${failed > 0 ? `，失败 ${failed} 篇` : ''}`);
  return failed > 0 ? 1 : 0;
}
