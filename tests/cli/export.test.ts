import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/run-cli.ts';

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'nianjian-export-'));
const DC = '明湖市东城区人民政府';

async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** A sheet's rows as arrays of its 14 cell values (null when empty), header first. */
function sheetRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push(Array.from({ length: 14 }, (_, i) => (row.values as unknown[])[i + 1] ?? null)));
  return rows;
}

describe('nianjian export ledger', () => {
  it('writes the sample ledger as a workbook with one sheet per year, which reads back with its rows', async () => {
    const dir = tempDir();
    const result = runCli(['export', 'ledger', '--out', '台账.xlsx'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^已导出 台账\.xlsx：\d+ 条承诺，4 个工作表（2024年、2023年、2022年、2021年）\n$/);
    const workbook = await readWorkbook(path.join(dir, '台账.xlsx'));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['2024年', '2023年', '2022年', '2021年']);
    const rows = sheetRows(workbook.getWorksheet('2024年')!);
    expect(rows[0]).toEqual(['单位', '年度', '报告', '承诺', '所在章节', '类型', '状态', '依据/后续情况', '指标', '目标', '实际', '判定', '承诺链接', '后续链接']);
    expect(rows).toContainEqual([
      DC, 2024, '2024年明湖市东城区政府工作报告', '加快东城智造产业园二期建设，年内建成标准厂房20万平方米，全年引进亿元以上项目20个。',
      '二、2024年工作安排 › （一）着力推动产业提质升级。', '目标', '尚无后续报告', null, '建成标准厂房；引进亿元以上项目', '20万平方米；20个',
      null, null, `/reports/2024/${DC}-政府工作报告/#c-2-1-e1`, null,
    ]);
    const total = Number(/(\d+) 条承诺/.exec(result.stdout)![1]);
    expect(workbook.worksheets.reduce((sum, sheet) => sum + sheet.rowCount - 1, 0)).toBe(total);
    const rows2021 = sheetRows(workbook.getWorksheet('2021年')!);
    const promise = rows2021.find((row) => String(row[3]).startsWith('探索学会党建工作巡回指导机制'))!;
    expect(promise[6]).toBe('落实');
    expect(promise[7]).toMatch(/^2022年报告回应（落实）：/);
    expect(readdirSync(dir)).toEqual(['台账.xlsx']);
  });

  it('exports one year and one unit as CSV with a byte order mark, the format named by --format', () => {
    const dir = tempDir();
    const result = runCli(['export', 'ledger', '--year', '2023', '--unit', DC, '--format', 'csv', '--out', path.join(dir, 'out.csv')]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const text = readFileSync(path.join(dir, 'out.csv'), 'utf8');
    expect(text.startsWith('\uFEFF单位,年度,报告,承诺,')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(result.stdout).toContain(`${lines.length - 1} 条承诺（CSV，UTF-8）`);
    expect(lines.slice(1).every((line) => line.startsWith(`${DC},2023,2023年明湖市东城区政府工作报告,`))).toBe(true);
    expect(lines.find((line) => line.includes(',改造老旧小区35个，'))).toMatch(/,目标,目标未达成,"?自动建议（相似度 0\.\d\d）· 2024年：.*,改造老旧小区,35个,28个,未达成,/);
  });

  it('uses absolute links with --url', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'x.xlsx');
    const result = runCli(['export', 'ledger', '--year', '2024', '--out', out, '--url', 'https://archive.example.cn', '--base', '/archive/']);
    expect(result.status).toBe(0);
    const link = (await readWorkbook(out)).getWorksheet('2024年')!.getRow(2).getCell(13).value;
    expect(link).toMatchObject({ hyperlink: expect.stringMatching(/^https:\/\/archive\.example\.cn\/archive\/reports\/2024\/%E6/) });
  });

  it.each([
    [['export', 'ledger'], 2, '缺少 --out'],
    [['export', 'ledger', '--out', 'x.txt'], 2, '--out 的扩展名应为 .xlsx 或 .csv；实际为 "x.txt"'],
    [['export', 'ledger', '--out', 'x.xlsx', '--format', 'csv'], 2, '--format csv 与 --out 的扩展名 .xlsx 不一致'],
    [['export', 'ledger', '--out', 'x.xlsx', '--format', 'ods'], 2, '--format 应为 xlsx 或 csv'],
    [['export', 'ledger', '--out', 'x.xlsx', '--year', '2019'], 1, '台账中没有 2019 年的承诺；有承诺的年份：2024、2023、2022、2021'],
    [['export', 'ledger', '--out', 'x.xlsx', '--year', '二〇二四'], 2, '--year 应为四位年份'],
    [['export', 'ledger', '--out', 'x.xlsx', '--unit', '某单位'], 1, '台账中没有单位“某单位”'],
    [['export', 'targets', '--out', 'x.xlsx'], 2, '未知的导出内容“targets”'],
  ])('refuses %j with exit %i and a message naming the problem, writing nothing', (args, status, message) => {
    const dir = tempDir();
    const result = runCli(args, { cwd: dir });
    expect(result.status).toBe(status);
    expect(result.stderr).toContain(`错误：`);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names the file and field of invalid content and leaves an existing export as it was', () => {
    const dir = tempDir();
    const content = path.join(dir, 'content');
    cpSync(path.join(repoRoot, 'content'), content, { recursive: true });
    const broken = path.join(content, 'reports/2022/明湖市社会科学界联合会-述职报告.mdx');
    writeFileSync(broken, readFileSync(broken, 'utf8').replace(/^year: .*$/m, 'year: 二〇二二'));
    const out = path.join(dir, '台账.xlsx');
    writeFileSync(out, 'old');
    const result = runCli(['export', 'ledger', '--content', content, '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/明湖市社会科学界联合会-述职报告\.mdx:\d+ +year：/);
    expect(readFileSync(out, 'utf8')).toBe('old');
    expect(readdirSync(dir).sort()).toEqual(['content', '台账.xlsx']);
  });

  it('is listed in the help', () => {
    expect(runCli(['help']).stdout).toContain('nianjian export ledger [--year 年份] [--unit 单位] [--format xlsx|csv] --out 台账.xlsx');
  });
});
