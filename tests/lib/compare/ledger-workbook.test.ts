import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ledgerColumns, ledgerHeaders, type LedgerRow } from '../../../src/lib/compare/ledger-export.ts';
import { sheetName, writeLedgerCsv, writeLedgerWorkbook } from '../../../src/lib/compare/ledger-workbook.ts';

const row = (year: number, commitment: string, extra: Partial<LedgerRow> = {}): LedgerRow => ({
  unit: '某单位', year, report: `${year}年工作总结`, commitment, section: '三、下步打算', kind: '任务', status: '未见后续',
  evidence: '', indicator: '', target: '', outcome: '', verdict: '', commitmentLink: `/reports/${year}/x/#c-3-e1`, followUpLink: '', ...extra,
});
const rows = [row(2024, '建成“15分钟便民生活圈”12个，含逗号, 和引号"'), row(2023, '一是加强学习。', { followUpLink: 'https://a.example.cn/reports/2024/x/#s-1' }), row(2023, '二是改进作风。')];

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

describe('writeLedgerWorkbook', () => {
  it('writes one sheet per year, newest first, with a bold frozen header', async () => {
    const { bytes, sheets } = await writeLedgerWorkbook(rows);
    expect(sheets).toEqual(['2024年', '2023年']);
    const workbook = await load(bytes);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(sheets);
    const sheet = workbook.getWorksheet(sheetName(2023))!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...ledgerColumns.map((column) => ledgerHeaders[column])]);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(4).value).toBe('一是加强学习。');
    expect(sheet.getRow(2).getCell(4).alignment?.wrapText).toBe(true);
    // Every row's long text wraps; the short columns carry no style.
    for (let r = 2; r <= sheet.rowCount; r++) {
      expect(sheet.getRow(r).getCell(ledgerColumns.indexOf('commitment') + 1).alignment?.wrapText).toBe(true);
      expect(sheet.getRow(r).getCell(ledgerColumns.indexOf('year') + 1).alignment?.wrapText).toBeUndefined();
    }
    expect(sheet.getRow(2).getCell(2).value).toBe(2023);
  });

  it('gives the same bytes for the same rows (a build is reproducible), dated as asked', async () => {
    const [a, b] = [await writeLedgerWorkbook(rows), await writeLedgerWorkbook(rows)];
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    const created = new Date(Date.UTC(2026, 11, 1, 5, 30, 0));
    const workbook = await load((await writeLedgerWorkbook(rows, { created })).bytes);
    expect(workbook.created.toISOString()).toBe(created.toISOString());
  });

  it('makes absolute links hyperlinks and leaves empty cells empty', async () => {
    const sheet = (await load((await writeLedgerWorkbook(rows)).bytes)).getWorksheet('2023年')!;
    const followUp = ledgerColumns.indexOf('followUpLink') + 1;
    expect(sheet.getRow(2).getCell(followUp).value).toEqual({ text: 'https://a.example.cn/reports/2024/x/#s-1', hyperlink: 'https://a.example.cn/reports/2024/x/#s-1' });
    expect(sheet.getRow(2).getCell(ledgerColumns.indexOf('commitmentLink') + 1).value).toBe('/reports/2023/x/#c-3-e1');
    expect(sheet.getRow(3).getCell(followUp).value).toBeNull();
  });
});

describe('writeLedgerCsv', () => {
  it('writes UTF-8 with a byte order mark, a header and one quoted row per commitment', async () => {
    const bytes = await writeLedgerCsv(rows);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    expect(lines[0]).toBe(ledgerColumns.map((column) => ledgerHeaders[column]).join(','));
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe('某单位,2024,2024年工作总结,"建成“15分钟便民生活圈”12个，含逗号, 和引号""",三、下步打算,任务,未见后续,,,,,,/reports/2024/x/#c-3-e1,');
  });
});
