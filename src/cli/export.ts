import path from 'node:path';
import { buildLedgerRows, LedgerSelectionError, selectLedgerEntries } from '../lib/compare/ledger-export.ts';
import { SiteConfigError } from '../lib/site-config.ts';
import { writeFileAtomic } from '../node/atomic-write.ts';
import { ContentSourceError } from '../node/content-source.ts';
import { loadLedger } from '../node/ledger-source.ts';
import { normaliseBase, parseCommandArgs } from './args.ts';
import { CliError } from './cli-error.ts';

export const exportUsage = 'nianjian export ledger [--year 年份] [--unit 单位] [--format xlsx|csv] --out 台账.xlsx [--content 目录] [--public] [--base 路径] [--url 网址]';

const formats = ['xlsx', 'csv'] as const;
type Format = (typeof formats)[number];

/** The format named by --format, else by the extension of --out; they must agree. */
function chooseFormat(out: string, given: string | undefined): Format {
  const extension = path.extname(out).slice(1).toLowerCase();
  if (given !== undefined && !formats.includes(given as Format)) throw new CliError(`--format 应为 xlsx 或 csv；实际为 "${given}"`, 2);
  if (!formats.includes(extension as Format)) {
    throw new CliError(`--out 的扩展名应为 .xlsx 或 .csv；实际为 "${path.basename(out)}"`, 2);
  }
  if (given !== undefined && given !== extension) {
    throw new CliError(`--format ${given} 与 --out 的扩展名 .${extension} 不一致`, 2);
  }
  return extension as Format;
}

/** `nianjian export ledger`: the commitments ledger as an Excel workbook (one sheet per year) or CSV. */
export async function runExport(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    year: { type: 'string' }, unit: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' },
    content: { type: 'string' }, public: { type: 'boolean' }, base: { type: 'string' }, url: { type: 'string' },
  }, 'export');
  if (positionals[0] !== 'ledger' || positionals.length !== 1) {
    throw new CliError(`用法：${exportUsage}${positionals[0] && positionals[0] !== 'ledger' ? `\n未知的导出内容“${positionals[0]}”，目前可导出：ledger（承诺台账）` : ''}`, 2);
  }
  if (!values.out?.trim()) throw new CliError('缺少 --out（输出文件，如 --out 台账.xlsx 或 --out 台账.csv）', 2);
  const out = path.resolve(values.out.trim());
  const format = chooseFormat(out, values.format);
  if (values.year !== undefined && !/^\d{4}$/.test(values.year)) throw new CliError(`--year 应为四位年份，如 --year 2024；实际为 "${values.year}"`, 2);
  if (values.url !== undefined && !/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(values.url)) {
    throw new CliError(`--url 应为以 http:// 或 https:// 开头的网址，如 https://archive.example.cn；实际为 "${values.url}"`, 2);
  }
  const base = values.base === undefined ? undefined : normaliseBase(values.base);

  let loaded;
  try {
    loaded = loadLedger(values.content, values.public ? 'public' : 'internal');
  } catch (error) {
    if (error instanceof ContentSourceError || error instanceof SiteConfigError) throw new CliError(error.message);
    throw error;
  }
  const { source, ledger, titles } = loaded;
  let entries;
  try {
    entries = selectLedgerEntries(ledger, { year: values.year === undefined ? undefined : Number(values.year), unit: values.unit?.trim() });
  } catch (error) {
    if (error instanceof LedgerSelectionError) throw new CliError(error.message);
    throw error;
  }
  const rows = buildLedgerRows(entries, { base: base ?? source.config.base, siteUrl: values.url ?? source.config.url, titleOf: (id) => titles.get(id) });
  const shown = path.relative(process.cwd(), out) || out;
  // exceljs is loaded only by this command, not by every `nianjian` run.
  const { writeLedgerCsv, writeLedgerWorkbook } = await import('../lib/compare/ledger-workbook.ts');
  let bytes: Uint8Array;
  let summary: string;
  if (format === 'xlsx') {
    const workbook = await writeLedgerWorkbook(rows, { created: new Date() });
    bytes = workbook.bytes;
    summary = `${rows.length} 条承诺，${workbook.sheets.length} 个工作表（${workbook.sheets.join('、')}）`;
  } else {
    bytes = await writeLedgerCsv(rows);
    summary = `${rows.length} 条承诺（CSV，UTF-8）`;
  }
  try {
    writeFileAtomic(out, bytes, { overwrite: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`无法写入 ${shown}（${code === 'EACCES' || code === 'EPERM' ? '没有写入权限' : code === 'EISDIR' ? '这是目录' : code ?? (error as Error).message}）`);
  }
  console.log(`已导出 ${shown}：${summary}${values.public ? '，仅含公开报告' : ''}`);
  return 0;
}
